//! `:io.format/1,2` and `:io_lib.format/2`: Erlang's format directives.
//!
//! Supported: `~c ~s ~w ~p ~b ~B ~f ~e ~g ~n ~~` with field width, precision, pad
//! character and `-` for left alignment (`~10s`, `~-10s`, `~.2f`, `~8.2.0B`); `t` and `l`
//! modifiers are accepted. `~w` writes terms in Erlang syntax; `~p` does the same and
//! prints printable lists as strings and printable binaries as `<<"...">>`, on one line
//! (Erlang breaks long terms at 80 columns: not yet).

use crate::inspect;
use crate::term::{map, Term, View};

/// Formats `fmt` with `args`; `None` on a bad format or argument (`badarg`).
pub fn format(fmt: &str, args: &[Term]) -> Option<String> {
    let mut out = String::new();
    let mut args = args.iter().copied();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        let mut left = false;
        if chars.peek() == Some(&'-') {
            left = true;
            chars.next();
        }
        let number = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
            let mut n: Option<usize> = None;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = Some(n.unwrap_or(0) * 10 + d as usize);
                chars.next();
            }
            n
        };
        let width = number(&mut chars);
        let mut precision = None;
        let mut pad = ' ';
        if chars.peek() == Some(&'.') {
            chars.next();
            precision = number(&mut chars);
            if chars.peek() == Some(&'.') {
                chars.next();
                pad = chars.next()?;
            }
        }
        let mut d = chars.next()?;
        while d == 't' || d == 'l' {
            d = chars.next()?;
        }
        let text = match d {
            'n' => "\n".to_string(),
            '~' => "~".to_string(),
            'c' => {
                let c = char::from_u32(u32::try_from(args.next()?.as_small()?).ok()?)?;
                c.to_string().repeat(precision.unwrap_or(1))
            }
            's' => {
                let bytes = inspect::to_string(args.next()?).ok()?;
                let s = String::from_utf8(bytes).ok()?;
                match precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                }
            }
            'w' => write_term(args.next()?, false),
            'p' => write_term(args.next()?, true),
            'b' | 'B' => {
                let base = precision.unwrap_or(10) as u32;
                if !(2..=36).contains(&base) {
                    return None;
                }
                let n = integer(args.next()?)?;
                let s = n.to_str_radix(base);
                if d == 'B' {
                    s.to_uppercase()
                } else {
                    s
                }
            }
            'f' | 'e' | 'g' => {
                let t = args.next()?;
                let f = t.as_float().or_else(|| t.as_small().map(|i| i as f64))?;
                let p = precision.unwrap_or(6);
                match d {
                    'f' => crate::bif::convert::fixed(f, p as i32, false)
                        .unwrap_or_else(|| format!("{f:.p$}")),
                    'e' => exp(f, p),
                    _ => {
                        if (0.1..10f64.powi(p as i32)).contains(&f.abs()) {
                            let e = f.abs().log10().floor() as i32;
                            let decimals = (p as i32 - 1 - e).max(0);
                            crate::bif::convert::fixed(f, decimals, false)
                                .unwrap_or_else(|| format!("{f:.*}", decimals as usize))
                        } else {
                            exp(f, p)
                        }
                    }
                }
            }
            _ => return None,
        };
        // `precision` of b/B/c/s/f/e is consumed above; `width` pads.
        let len = text.chars().count();
        match width {
            Some(w) if w > len => {
                let fill: String = std::iter::repeat_n(pad, w - len).collect();
                if left {
                    out.push_str(&text);
                    out.push_str(&fill);
                } else {
                    out.push_str(&fill);
                    out.push_str(&text);
                }
            }
            _ => out.push_str(&text),
        }
    }
    Some(out)
}

/// `~e`: `p` significant digits, Erlang's exponent form (`1.50000e+0`).
fn exp(f: f64, p: usize) -> String {
    let s = format!("{f:.prec$e}", prec = p.saturating_sub(1));
    match s.split_once('e') {
        Some((m, e)) => {
            let e: i32 = e.parse().unwrap_or(0);
            format!("{m}e{}{}", if e < 0 { "-" } else { "+" }, e.abs())
        }
        None => s,
    }
}

/// A term in Erlang syntax (`pretty`: printable lists and binaries as strings).
pub fn write_term(t: Term, pretty: bool) -> String {
    let mut out = String::new();
    write(t, pretty, &mut out, 0);
    out
}

fn atom_text(name: &str) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@');
    if plain {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

fn printable(codes: &[i64]) -> bool {
    !codes.is_empty()
        && codes
            .iter()
            .all(|&c| (32..127).contains(&c) || matches!(c, 8..=13 | 27))
}

fn write(t: Term, pretty: bool, out: &mut String, depth: usize) {
    if depth > 10_000 {
        out.push_str("...");
        return;
    }
    match t.view() {
        View::Small(i) => out.push_str(&i.to_string()),
        View::Big { .. } => {
            if let Some(b) = integer(t) {
                out.push_str(&b.to_string());
            }
        }
        View::Float(f) => out.push_str(&inspect::format_float(f)),
        View::Atom(a) => out.push_str(&atom_text(a.name())),
        View::Tuple(items) => {
            out.push('{');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(*x, pretty, out, depth + 1);
            }
            out.push('}');
        }
        View::Nil => out.push_str("[]"),
        View::Cons(..) => {
            let mut items = Vec::new();
            let mut l = t;
            while let Some((h, tl)) = l.cons() {
                items.push(h);
                l = tl;
            }
            let codes: Option<Vec<i64>> = items.iter().map(|x| x.as_small()).collect();
            if let (true, true, Some(codes)) = (pretty, l.is_nil(), codes) {
                if printable(&codes) {
                    out.push('"');
                    for c in codes {
                        match c {
                            34 => out.push_str("\\\""),
                            92 => out.push_str("\\\\"),
                            10 => out.push_str("\\n"),
                            _ => out.push(char::from_u32(c as u32).unwrap_or('?')),
                        }
                    }
                    out.push('"');
                    return;
                }
            }
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(*x, pretty, out, depth + 1);
            }
            if !l.is_nil() {
                out.push('|');
                write(l, pretty, out, depth + 1);
            }
            out.push(']');
        }
        View::Map(m) => {
            out.push_str("#{");
            for (i, (k, v)) in map::sorted_pairs(m).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(k, pretty, out, depth + 1);
                out.push_str(" => ");
                write(v, pretty, out, depth + 1);
            }
            out.push('}');
        }
        View::Bits(b) => {
            let bytes: Vec<u8> = (0..b.byte_len()).map(|i| b.byte(i)).collect();
            let text = std::str::from_utf8(&bytes).ok();
            out.push_str("<<");
            match text {
                Some(s)
                    if pretty
                        && b.is_binary()
                        && !s.is_empty()
                        && s.chars().all(|c| !c.is_control() || c == '\n') =>
                {
                    out.push('"');
                    out.push_str(
                        &s.replace('\\', "\\\\")
                            .replace('"', "\\\"")
                            .replace('\n', "\\n"),
                    );
                    out.push('"');
                }
                _ => {
                    for (i, x) in bytes.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        let last = i + 1 == bytes.len();
                        if last && !b.is_binary() {
                            let bits = b.bit_size % 8;
                            out.push_str(&format!("{}:{bits}", x >> (8 - bits)));
                        } else {
                            out.push_str(&x.to_string());
                        }
                    }
                }
            }
            out.push_str(">>");
        }
        _ => out.push_str(&inspect::inspect(t, &inspect::InspectOpts::default())),
    }
}

fn integer(t: Term) -> Option<num_bigint::BigInt> {
    match t.as_small() {
        Some(i) => Some(i.into()),
        None => crate::term::bignum::to_bigint(t),
    }
}
