//! Floats as OTP 25 prints them: `:erlang.float_to_binary(f, [:short])` (what
//! `Float.to_string/1` and `to_string/1` use) and `Inspect.Float`.

/// 2^53: below it, the shorter of the plain and the scientific notation is used; at and
/// above it, always the scientific one (OTP's rule for `[:short]`).
const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// The shortest digits that read back as `f` (`f` finite and positive): the digit string
/// and the decimal exponent of its first digit.
fn shortest_digits(f: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-trip digits, as Ryu does in OTP, and picks
    // the one nearest to `f`. When `f` lies exactly halfway between two such digit
    // strings, Ryu takes the even one and Rust the upper one: redo those ties.
    let (digits, exp) = split_sci(&format!("{f:e}"));
    let n = digits.len();
    let one_more = split_sci(&format!("{f:.n$e}")).0;
    if !one_more.ends_with('5') {
        return (digits, exp);
    }
    // Every f64 has an exact decimal expansion of at most 767 significant digits.
    let (exact, exact_exp) = split_sci(&format!("{f:.800e}"));
    let tail = exact.get(n..).unwrap_or("");
    let is_tie = exact_exp == exp && tail.starts_with('5') && tail[1..].bytes().all(|b| b == b'0');
    if !is_tie {
        return (digits, exp);
    }
    let (mut even, mut even_exp) = (exact[..n].to_string(), exp);
    if even.bytes().last().is_some_and(|d| (d - b'0') % 2 == 1) {
        if let Some(up) = increment(&even) {
            even = up;
        } else {
            even = format!("1{}", "0".repeat(n));
            even_exp += 1;
        }
    }
    let trimmed = even.trim_end_matches('0');
    let even = if trimmed.is_empty() { "0" } else { trimmed }.to_string();
    let (first, rest) = even.split_at(1);
    let reads_back = format!("{first}.{rest}0e{even_exp}").parse::<f64>() == Ok(f);
    if reads_back {
        (even, even_exp)
    } else {
        (digits, exp)
    }
}

/// Digits and exponent of Rust's `{:e}` output (`d.ddde±x`).
fn split_sci(s: &str) -> (String, i32) {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

/// A decimal digit string plus one in its last place; `None` when it carries out.
fn increment(digits: &str) -> Option<String> {
    let mut bytes = digits.as_bytes().to_vec();
    for b in bytes.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return String::from_utf8(bytes).ok();
        }
    }
    None
}

/// `float_to_binary(f, [:short])`: `0.1`, `1.0e20`, `1.5e-7`, `100.0`, `-0.0` ...
pub fn format_float(f: f64) -> String {
    if !f.is_finite() {
        // Not a BEAM float; printed in the nearest spirit rather than panicking.
        return format!("{f}");
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0.0");
    }
    let a = f.abs();
    let (digits, exp) = shortest_digits(a);
    let sci = {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        format!("{first}.{rest}e{exp}")
    };
    if a >= EXACT_INTEGERS {
        return format!("{sign}{sci}");
    }
    let n = digits.len() as i32;
    let plain = if exp >= 0 {
        let int_len = exp + 1;
        if n <= int_len {
            format!("{digits}{}.0", "0".repeat((int_len - n) as usize))
        } else {
            let (i, frac) = digits.split_at(int_len as usize);
            format!("{i}.{frac}")
        }
    } else {
        format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
    };
    if plain.len() <= sci.len() {
        format!("{sign}{plain}")
    } else {
        format!("{sign}{sci}")
    }
}

/// `Inspect.Float`: integral floats from 1.0 up to 1.0e16 print as integers with `.0`,
/// the others as [`format_float`].
pub fn inspect_float(f: f64) -> String {
    let a = f.abs();
    if (1.0..1.0e16).contains(&a) && f.trunc() == f {
        format!("{}.0", f as i64)
    } else {
        format_float(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_notation_picks_the_shorter_form() {
        for (f, s) in [
            (0.1, "0.1"),
            (100.0, "100.0"),
            (1000.0, "1.0e3"),
            (1234.0, "1234.0"),
            (0.0001, "0.0001"),
            (1.0e-5, "1.0e-5"),
            (1.0e20, "1.0e20"),
            (-0.0, "-0.0"),
            (5.0e-324, "5.0e-324"),
            (9007199254740991.0, "9007199254740991.0"),
            (9007199254740992.0, "9.007199254740992e15"),
            (0.30000000000000004, "0.30000000000000004"),
        ] {
            assert_eq!(format_float(f), s, "{f:?}");
        }
        assert_eq!(inspect_float(1.0e15), "1000000000000000.0");
        assert_eq!(inspect_float(1.0e16), "1.0e16");
    }
}
