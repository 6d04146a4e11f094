//! Numbers to and from text: `integer_to_binary`, `binary_to_integer`, `float_to_binary`,
//! `binary_to_float` and their list twins.
//!
//! Float formatting follows the BEAM's C code exactly, quirks included:
//! - `[:short]` is the shortest text that reads back as the same float, laid out as OTP's
//!   Ryu `to_chars` does (fixed or scientific, whichever its table picks);
//! - `[{:decimals, n}]` takes OTP's fast path (`sys_double_to_chars_fast`: float
//!   arithmetic, rounding half away from zero) for `|f| =< 2^53` and `n < 19`, and C's
//!   `%.*f` (exact, half to even) otherwise; `:compact` then strips trailing zeros, even the
//!   integer's own when there is no decimal point (`1.0e20` with `decimals: 0` is `"1"`);
//! - `[{:scientific, n}]` and the default (`n = 20`) are C's `%.*e`;
//! - text longer than 255 bytes is a `badarg`.

use num_bigint::{BigInt, BigUint, Sign};

use super::{args, bigint_of, list_vec, num, small, Num};
use crate::binary;
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::Term;

// ----- integers ----------------------------------------------------------------------------

fn base_of(t: Term) -> Result<u32, Raise> {
    match t.as_small() {
        Some(b @ 2..=36) => Ok(b as u32),
        _ => Err(Raise::badarg()),
    }
}

/// The text of integer `t` in `base`, uppercase letters.
fn int_text(t: Term, base: u32) -> Result<String, Raise> {
    match num(t) {
        Some(Num::Small(i)) => {
            let mut digits = Vec::new();
            let mut m = i.unsigned_abs();
            loop {
                let d = (m % base as u64) as u32;
                digits.push(
                    char::from_digit(d, base)
                        .unwrap_or('?')
                        .to_ascii_uppercase(),
                );
                m /= base as u64;
                if m == 0 {
                    break;
                }
            }
            if i < 0 {
                digits.push('-');
            }
            Ok(digits.iter().rev().collect())
        }
        Some(Num::Big(..)) => {
            let n = bigint_of(t).ok_or_else(Raise::badarg)?;
            Ok(n.to_str_radix(base).to_ascii_uppercase())
        }
        _ => Err(Raise::badarg()),
    }
}

fn char_list(p: &mut Process, s: &str) -> Term {
    let items: Vec<Term> = s.chars().map(|c| small(c as usize)).collect();
    p.heap.list(&items)
}

/// `integer_to_binary/1`.
pub fn integer_to_binary(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let s = int_text(t, 10)?;
    Ok(p.heap.binary(s.as_bytes()))
}

/// `integer_to_binary/2`: bases 2 to 36.
pub fn integer_to_binary2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, b] = args(a)?;
    let base = base_of(b)?;
    let s = int_text(t, base)?;
    Ok(p.heap.binary(s.as_bytes()))
}

/// `integer_to_list/1`.
pub fn integer_to_list(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let s = int_text(t, 10)?;
    Ok(char_list(p, &s))
}

/// `integer_to_list/2`.
pub fn integer_to_list2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, b] = args(a)?;
    let base = base_of(b)?;
    let s = int_text(t, base)?;
    Ok(char_list(p, &s))
}

/// Parses `[+-]?digits` in `base` (letters in either case); `None` otherwise.
fn parse_int(text: &[u8], base: u32) -> Option<BigInt> {
    let (sign, digits) = match text.split_first() {
        Some((b'-', rest)) => (Sign::Minus, rest),
        Some((b'+', rest)) => (Sign::Plus, rest),
        _ => (Sign::Plus, text),
    };
    if digits.is_empty() {
        return None;
    }
    let values = digits
        .iter()
        .map(|&c| char::from(c).to_digit(base).map(|d| d as u8))
        .collect::<Option<Vec<u8>>>()?;
    let mag = BigUint::from_radix_be(&values, base)?;
    Some(BigInt::from_biguint(sign, mag))
}

fn text_of_binary(t: Term) -> Result<Vec<u8>, Raise> {
    let b = binary::bits(t)
        .filter(|b| b.is_binary())
        .ok_or_else(Raise::badarg)?;
    Ok((0..b.byte_len()).map(|i| b.byte(i)).collect())
}

/// The bytes of a list of integers 0..=255.
fn text_of_list(t: Term) -> Result<Vec<u8>, Raise> {
    list_vec(t)
        .ok_or_else(Raise::badarg)?
        .into_iter()
        .map(|c| {
            c.as_small()
                .and_then(|i| u8::try_from(i).ok())
                .ok_or_else(Raise::badarg)
        })
        .collect()
}

fn to_int(p: &mut Process, text: &[u8], base: u32) -> Result<Term, Raise> {
    let n = parse_int(text, base).ok_or_else(Raise::badarg)?;
    super::make_int(p, &n)
}

/// `binary_to_integer/1`.
pub fn binary_to_integer(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let text = text_of_binary(t)?;
    to_int(p, &text, 10)
}

/// `binary_to_integer/2`.
pub fn binary_to_integer2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, b] = args(a)?;
    let text = text_of_binary(t)?;
    let base = base_of(b)?;
    to_int(p, &text, base)
}

/// `list_to_integer/1`.
pub fn list_to_integer(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let text = text_of_list(t)?;
    to_int(p, &text, 10)
}

/// `list_to_integer/2`.
pub fn list_to_integer2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, b] = args(a)?;
    let text = text_of_list(t)?;
    let base = base_of(b)?;
    to_int(p, &text, base)
}

// ----- floats to text ----------------------------------------------------------------------

/// The BEAM's buffer for float text: 256 bytes with the terminating NUL.
const FLOAT_BUF: usize = 256;

/// The default number of digits (`SYS_DEFAULT_FLOAT_DECIMALS`).
const DEFAULT_DECIMALS: i32 = 20;

enum Format {
    Legacy,
    Short,
    Fixed,
    Scientific,
}

/// The text of `float_to_binary(f, opts)`, or `None` for a `badarg`.
fn float_text(f: Term, opts: Term) -> Option<String> {
    let mut decimals = DEFAULT_DECIMALS;
    let mut compact = false;
    let mut fmt = Format::Legacy;
    let mut l = opts;
    while let Some((o, rest)) = l.cons() {
        l = rest;
        let name = o.as_atom().map(|a| a.name());
        if name == Some("compact") {
            compact = true;
            continue;
        }
        if name == Some("short") {
            fmt = Format::Short;
            continue;
        }
        let &[tag, n] = o.tuple()? else {
            return None;
        };
        // The BEAM keeps the count in a C `int`.
        let n = n.as_small()? as i32;
        match tag.as_atom().map(|a| a.name()) {
            Some("decimals") => fmt = Format::Fixed,
            Some("scientific") => fmt = Format::Scientific,
            _ => return None,
        }
        decimals = n;
    }
    if !l.is_nil() {
        return None;
    }
    let f = f.as_float()?;
    let text = match fmt {
        Format::Short => short(f),
        Format::Fixed => fixed(f, decimals, compact)?,
        Format::Legacy | Format::Scientific => {
            // C's printf takes a negative precision as no precision: 6 digits.
            let prec = if decimals < 0 { 6 } else { decimals as usize };
            if prec >= FLOAT_BUF {
                return None;
            }
            scientific(f, prec)
        }
    };
    (!text.is_empty() && text.len() < FLOAT_BUF).then_some(text)
}

/// C's `%.*e`: `d.ddde+XX`, at least two exponent digits.
fn scientific(f: f64, prec: usize) -> String {
    let s = format!("{f:.prec$e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exp.unsigned_abs())
}

/// OTP's `sys_double_to_chars_fast`: fixed notation with `decimals` digits.
pub(crate) fn fixed(f: f64, decimals: i32, compact: bool) -> Option<String> {
    const POW10: [f64; 19] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18,
    ];
    const MAX_FLOAT: f64 = 9_007_199_254_740_992.0; // 2^53
    if decimals < 0 {
        return None;
    }
    let d = decimals as usize;
    // OTP 24 and later print the sign of -0.0 too (erlang/otp#2903).
    let neg = f.is_sign_negative();
    let af = f.abs();
    if af > MAX_FLOAT || d >= POW10.len() {
        // C's %.*f: exact, then the buffer check; an over-long text is a badarg.
        if d >= FLOAT_BUF {
            return None;
        }
        let mut s = format!("{f:.d$}");
        if s.len() >= FLOAT_BUF {
            return None;
        }
        if compact {
            strip_trailing_zeros(&mut s);
        }
        return Some(s);
    }
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if d > 0 {
        let int_f = af.floor();
        let pow = POW10.get(d).copied().unwrap_or(1.0);
        let frac_f = ((af - int_f) * pow).round();
        let mut int_part = int_f as u64;
        let mut frac_part = frac_f as u64;
        if frac_f >= pow {
            int_part += 1;
            frac_part = 0;
        }
        out.push_str(&int_part.to_string());
        out.push('.');
        let frac = frac_part.to_string();
        for _ in frac.len()..d {
            out.push('0');
        }
        out.push_str(&frac);
        if compact {
            strip_trailing_zeros(&mut out);
        }
    } else {
        out.push_str(&(af.round() as u64).to_string());
    }
    Some(out)
}

/// OTP's `find_first_trailing_zero`: drops trailing zeros but keeps one after a `.`.
fn strip_trailing_zeros(s: &mut String) {
    let trimmed = s.trim_end_matches('0').len();
    let keep = if s.as_bytes().get(trimmed.wrapping_sub(1)) == Some(&b'.') {
        trimmed + 1
    } else {
        trimmed
    };
    s.truncate(keep.min(s.len()));
}

/// The shortest digits of `f` (non-zero, finite) as Ryu picks them: the integer `digits`
/// and the exponent `e10` of its last digit. Rust's shortest formatting finds the same
/// digits, except when `f` lies exactly halfway between two shortest candidates: Rust
/// rounds up, Ryu to the even one.
fn shortest_digits(f: f64) -> (u64, i32) {
    let s = format!("{:e}", f.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let text: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sci_exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: u64 = text.parse().unwrap_or(0);
    let mut e10 = sci_exp - (text.len() as i32 - 1);
    if digits % 2 == 1 {
        if exactly(f, 10 * digits - 5, e10 - 1) {
            digits -= 1;
        } else if exactly(f, 10 * digits + 5, e10 - 1) {
            digits += 1;
        }
        while digits != 0 && digits.is_multiple_of(10) {
            digits /= 10;
            e10 += 1;
        }
    }
    (digits, e10)
}

/// True when `|f| == c * 10^e10` exactly.
fn exactly(f: f64, c: u64, e10: i32) -> bool {
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (mant, e2) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    if mant == 0 {
        return c == 0;
    }
    // Cheap necessary condition on the powers of two: c * 10^e10 has at most
    // -e10 binary fraction digits, f has -(e2 + trailing zeros).
    let f_twos = e2 + mant.trailing_zeros() as i32;
    let c_twos = e10 + c.trailing_zeros() as i32;
    if f_twos != c_twos {
        return false;
    }
    let mut lhs = BigInt::from(mant);
    let mut rhs = BigInt::from(c);
    if e2 >= 0 {
        lhs <<= e2 as usize;
    } else {
        rhs <<= e2.unsigned_abs() as usize;
    }
    let ten = BigInt::from(10);
    if e10 >= 0 {
        rhs *= ten.pow(e10.unsigned_abs());
    } else {
        lhs *= ten.pow(e10.unsigned_abs());
    }
    lhs == rhs
}

/// `float_to_binary(f, [:short])`: the shortest digits that read back as `f`, laid out as
/// OTP's Ryu `to_chars` does.
fn short(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    let (output, ryu_exp) = shortest_digits(f);
    let digits = output.to_string();
    let olength = digits.len() as i32;
    let sci_exp = ryu_exp + olength - 1;
    let (lower, upper) = if olength == 1 {
        (-4, 2)
    } else if sci_exp >= 10 {
        (-(olength + 2), 2)
    } else {
        (-(olength + 2), 1)
    };
    let fixed = lower <= ryu_exp
        && ryu_exp <= upper
        && !((output >= 1 << 53 && ryu_exp == 0)
            || (output > (1u64 << 52) / 5 && ryu_exp == 1)
            || (output > (1u64 << 51) / 25 && ryu_exp == 2));
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    if fixed {
        let whole = olength + ryu_exp;
        if ryu_exp >= 0 {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', ryu_exp as usize));
            out.push_str(".0");
        } else if whole > 0 {
            let (a, b) = digits.split_at(whole as usize);
            out.push_str(a);
            out.push('.');
            out.push_str(b);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', whole.unsigned_abs() as usize));
            out.push_str(&digits);
        }
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        out.push('.');
        out.push_str(if rest.is_empty() { "0" } else { rest });
        out.push('e');
        out.push_str(&sci_exp.to_string());
    }
    out
}

/// `float_to_binary/1`: `%.20e`.
pub fn float_to_binary(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [f] = args(a)?;
    let s = float_text(f, Term::NIL).ok_or_else(Raise::badarg)?;
    Ok(p.heap.binary(s.as_bytes()))
}

/// `float_to_binary/2`: options `:short`, `{:decimals, n}`, `{:scientific, n}`, `:compact`.
pub fn float_to_binary2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [f, opts] = args(a)?;
    let s = float_text(f, opts).ok_or_else(Raise::badarg)?;
    Ok(p.heap.binary(s.as_bytes()))
}

/// `float_to_list/1`.
pub fn float_to_list(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [f] = args(a)?;
    let s = float_text(f, Term::NIL).ok_or_else(Raise::badarg)?;
    Ok(char_list(p, &s))
}

/// `float_to_list/2`.
pub fn float_to_list2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [f, opts] = args(a)?;
    let s = float_text(f, opts).ok_or_else(Raise::badarg)?;
    Ok(char_list(p, &s))
}

// ----- text to floats ----------------------------------------------------------------------

/// OTP's `sys_chars_to_double`: the text up to the first NUL must be
/// `[+-]?digits[.,]digits([eE][+-]?digits)?`, and its value finite.
fn parse_float(text: &[u8]) -> Option<f64> {
    let end = text.iter().position(|&c| c == 0).unwrap_or(text.len());
    let s = text.get(..end)?;
    let mut i = 0;
    let at = |i: usize| s.get(i).copied();
    let digits = |mut i: usize| {
        let start = i;
        while at(i).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
        }
        (i > start).then_some(i)
    };
    if matches!(at(i), Some(b'+' | b'-')) {
        i += 1;
    }
    i = digits(i)?;
    let dot = i;
    if !matches!(at(i), Some(b'.' | b',')) {
        return None;
    }
    i = digits(i + 1)?;
    if matches!(at(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(at(i), Some(b'+' | b'-')) {
            i += 1;
        }
        i = digits(i)?;
    }
    if i != s.len() {
        return None;
    }
    let mut owned = s.to_vec();
    if let Some(c) = owned.get_mut(dot) {
        *c = b'.';
    }
    let text = std::str::from_utf8(&owned).ok()?;
    let f: f64 = text.parse().ok()?;
    f.is_finite().then_some(f)
}

/// `binary_to_float/1`.
pub fn binary_to_float(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let text = text_of_binary(t)?;
    let f = parse_float(&text).ok_or_else(Raise::badarg)?;
    Ok(p.heap.float(f))
}

/// `list_to_float/1`.
pub fn list_to_float(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let text = text_of_list(t)?;
    let f = parse_float(&text).ok_or_else(Raise::badarg)?;
    Ok(p.heap.float(f))
}
