//! `:io.format/1,2,3` and `:io_lib.format/2`: OTP 25's `io_lib_format`.
//!
//! The format is read as characters (a binary's bytes are Latin-1 characters, as
//! `io_lib_format:scan/2` does) into control sequences with their arguments: field width,
//! precision and pad character (each may be `*`, taken from the arguments), `-` for left
//! adjustment, the `t` (Unicode) and `l` (no strings) modifiers. Every directive of OTP 25
//! is implemented: `~c ~s ~w ~W ~p ~P ~e ~f ~g ~b ~B ~x ~X ~+ ~# ~i ~n ~~`. `~p`/`~P`
//! print through [`pretty`] (`io_lib_pretty`) starting at the column the output has
//! reached in this call, as `io_lib_format` computes it. Floats in `~e`/`~f`/`~g` round
//! the 21 significant digits of `float_to_list/1` half up, as OTP does. The text is a
//! sequence of Unicode characters (the device writes it as UTF-8).

mod pretty;
mod write;

use write::Enc;

use crate::term::{Term, View};

/// The characters of a format (`io_lib_format:scan/2`): an atom's name, a binary's bytes
/// (as Latin-1), or a flat list of characters.
pub fn format_chars(fmt: Term) -> Option<Vec<u32>> {
    match fmt.view() {
        View::Atom(a) => Some(a.name().chars().map(|c| c as u32).collect()),
        View::Bits(b) if b.is_binary() => {
            Some((0..b.byte_len()).map(|i| u32::from(b.byte(i))).collect())
        }
        View::Nil | View::Cons(..) => {
            let mut out = Vec::new();
            let mut l = fmt;
            while let Some((h, t)) = l.cons() {
                out.push(u32::try_from(h.as_small()?).ok()?);
                l = t;
            }
            l.is_nil().then_some(out)
        }
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Adjust {
    Left,
    Right,
}

/// One control sequence with its arguments.
struct Spec {
    control: u32,
    args: Vec<Term>,
    width: Option<i64>,
    adjust: Adjust,
    precision: Option<i64>,
    pad: u32,
    enc: Enc,
    strings: bool,
}

enum Piece {
    Char(u32),
    Spec(Spec),
}

/// `io_lib_format:collect/2`; `None` where OTP fails (`badarg`).
fn collect(fmt: &[u32], args: &[Term]) -> Option<Vec<Piece>> {
    let mut out = Vec::new();
    let mut args = args.iter().copied();
    let mut i = 0;
    let peek = |i: usize| fmt.get(i).copied();
    while let Some(c) = peek(i) {
        i += 1;
        if c != u32::from(b'~') {
            out.push(Piece::Char(c));
            continue;
        }
        // Field width: `-`? then digits or `*`.
        let mut negate = false;
        if peek(i) == Some(u32::from(b'-')) {
            negate = true;
            i += 1;
        }
        let field_value = |i: &mut usize, args: &mut dyn Iterator<Item = Term>| {
            if peek(*i) == Some(u32::from(b'*')) {
                // `*` takes an integer argument; anything else leaves the `*` unread,
                // which no control character accepts.
                let a = args.next()?;
                let n = a.as_small()?;
                *i += 1;
                return Some(Some(n));
            }
            let mut n: Option<i64> = None;
            while let Some(d) = peek(*i).and_then(|c| char::from_u32(c)?.to_digit(10)) {
                n = Some(n.unwrap_or(0).checked_mul(10)?.checked_add(i64::from(d))?);
                *i += 1;
            }
            Some(n)
        };
        let f = field_value(&mut i, &mut args)?;
        let (width, adjust) = match f {
            // `-` needs a number after it (`-none` fails in OTP).
            None if negate => return None,
            None => (None, Adjust::Right),
            Some(n) => {
                let n = if negate { -n } else { n };
                if n < 0 {
                    (Some(-n), Adjust::Left)
                } else {
                    (Some(n), Adjust::Right)
                }
            }
        };
        let mut precision = None;
        if peek(i) == Some(u32::from(b'.')) {
            i += 1;
            precision = field_value(&mut i, &mut args)?;
            if precision.is_some_and(|p| p < 0) {
                return None;
            }
        }
        let mut pad = u32::from(b' ');
        if peek(i) == Some(u32::from(b'.')) {
            if peek(i + 1) == Some(u32::from(b'*')) {
                pad = u32::try_from(args.next()?.as_small()?).ok()?;
                i += 2;
            } else {
                pad = peek(i + 1)?;
                i += 2;
            }
        }
        let mut enc = Enc::Latin1;
        let mut strings = true;
        loop {
            match peek(i).and_then(char::from_u32) {
                Some('t') => enc = Enc::Unicode,
                Some('l') => strings = false,
                _ => break,
            }
            i += 1;
        }
        let control = peek(i)?;
        i += 1;
        let n = match char::from_u32(control)? {
            'w' | 'p' | 's' | 'e' | 'f' | 'g' | 'b' | 'B' | '+' | '#' | 'c' | 'i' => 1,
            'W' | 'P' | 'x' | 'X' => 2,
            '~' | 'n' => 0,
            _ => return None,
        };
        let mut cargs = Vec::with_capacity(n);
        for _ in 0..n {
            cargs.push(args.next()?);
        }
        out.push(Piece::Spec(Spec {
            control,
            args: cargs,
            width,
            adjust,
            precision,
            pad,
            enc,
            strings,
        }));
    }
    if args.next().is_some() {
        return None;
    }
    Some(out)
}

/// The output so far and the column it has reached (tabs to multiples of 8).
struct Out {
    text: String,
    col: i64,
}

impl Out {
    fn push(&mut self, c: u32) -> Option<()> {
        let ch = char::from_u32(c)?;
        self.col = match ch {
            '\n' => 0,
            '\t' => (self.col + 8) / 8 * 8,
            _ => self.col + 1,
        };
        self.text.push(ch);
        Some(())
    }

    fn push_all(&mut self, cs: &[u32]) -> Option<()> {
        cs.iter().try_for_each(|&c| self.push(c))
    }

    fn push_str(&mut self, s: &str) {
        for ch in s.chars() {
            let _ = self.push(ch as u32);
        }
    }
}

/// Formats `fmt` with `args` into Unicode text; `None` where OTP raises `badarg`.
pub fn format(fmt: &[u32], args: &[Term]) -> Option<String> {
    let deep = args.iter().any(|&a| nesting(a, 400) >= 400);
    if deep {
        // Very deep terms: the printers recurse once per level of nesting, so run them on
        // a thread with room for it. Terms are only read, and this process is blocked.
        struct Shared<'a>(&'a [u32], &'a [Term]);
        // SAFETY: the terms stay valid and unchanged while the process waits for the
        // scoped thread, which only reads them.
        unsafe impl Send for Shared<'_> {}
        let shared = Shared(fmt, args);
        return std::thread::scope(|s| {
            std::thread::Builder::new()
                .stack_size(1 << 30)
                .spawn_scoped(s, move || {
                    let shared = shared;
                    format_here(shared.0, shared.1)
                })
                .ok()?
                .join()
                .ok()?
        });
    }
    format_here(fmt, args)
}

/// How deeply `t` nests (lists count by their elements, not their length), up to `max`.
fn nesting(t: Term, max: usize) -> usize {
    let mut stack = vec![(t, 1usize)];
    let mut deepest = 0;
    while let Some((t, d)) = stack.pop() {
        deepest = deepest.max(d);
        if deepest >= max {
            return deepest;
        }
        match t.view() {
            View::Tuple(xs) => stack.extend(xs.iter().map(|&x| (x, d + 1))),
            View::Cons(..) => {
                let mut l = t;
                while let Some((h, tl)) = l.cons() {
                    stack.push((h, d + 1));
                    l = tl;
                }
                if !l.is_nil() {
                    stack.push((l, d + 1));
                }
            }
            View::Map(m) => {
                for (k, v) in crate::term::map::iter(m) {
                    stack.push((k, d + 1));
                    stack.push((v, d + 1));
                }
            }
            _ => {}
        }
    }
    deepest
}

fn format_here(fmt: &[u32], args: &[Term]) -> Option<String> {
    let pieces = collect(fmt, args)?;
    let mut out = Out {
        text: String::new(),
        col: 0,
    };
    for piece in pieces {
        match piece {
            Piece::Char(c) => out.push(c)?,
            Piece::Spec(s) => control(&s, &mut out)?,
        }
    }
    Some(out.text)
}

fn chars_of(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

fn repeat(c: u32, n: i64) -> Vec<u32> {
    vec![c; n.max(0) as usize]
}

/// `adjust/3`: `data` padded with `pad` on the side `adjust` says.
fn adjust(mut data: Vec<u32>, pad: Vec<u32>, adj: Adjust) -> Vec<u32> {
    match adj {
        Adjust::Left => {
            data.extend(pad);
            data
        }
        Adjust::Right => {
            let mut v = pad;
            v.extend(data);
            v
        }
    }
}

fn control(s: &Spec, out: &mut Out) -> Option<()> {
    let (f, p, pad, adj) = (s.width, s.precision, s.pad, s.adjust);
    let arg = |i: usize| s.args[i];
    let text: Vec<u32> = match char::from_u32(s.control)? {
        'c' => {
            let a = integer_big(arg(0))?;
            let c = match s.enc {
                Enc::Unicode => u32::try_from(&a).ok()?,
                Enc::Latin1 => {
                    let low: num_bigint::BigInt = a & num_bigint::BigInt::from(255);
                    u32::try_from(&low).ok()?
                }
            };
            char_field(c, f, adj, p, pad)?
        }
        '~' => char_field(u32::from(b'~'), f, adj, p, pad)?,
        'n' => match (f, adj) {
            (None, _) => vec![10],
            (Some(n), Adjust::Right) => repeat(10, n),
            (Some(_), Adjust::Left) => return None,
        },
        'i' => Vec::new(),
        's' => {
            let chars = string_arg(arg(0), s.enc)?;
            string(chars, f, adj, p, pad)?
        }
        'w' => {
            let mut t = String::new();
            write::write(arg(0), -1, s.enc, &mut t);
            term(chars_of(&t), f, adj, p, pad, s.enc)
        }
        'W' => {
            let depth = arg(1).as_small()?;
            let mut t = String::new();
            write::write(arg(0), depth, s.enc, &mut t);
            term(chars_of(&t), f, adj, p, pad, s.enc)
        }
        'p' | 'P' => {
            let depth = if s.control == u32::from(b'P') {
                arg(1).as_small()?
            } else {
                -1
            };
            if adj == Adjust::Left {
                return None;
            }
            let ll = f.unwrap_or(80);
            let col = p.unwrap_or(out.col + 1);
            let t = pretty::print(arg(0), col, ll, depth, s.enc, s.strings);
            out.push_str(&t);
            return Some(());
        }
        'e' | 'f' | 'g' => {
            let x = arg(0).as_float()?;
            let body = match char::from_u32(s.control)? {
                'e' => float_e(x, p.unwrap_or(6))?,
                'f' => float_f(x, p.unwrap_or(6))?,
                _ => float_g(x, p.unwrap_or(6))?,
            };
            match f {
                None => body,
                Some(_) => term(body, f, adj, f, pad, Enc::Latin1),
            }
        }
        'b' | 'B' => {
            let n = integer_big(arg(0))?;
            let digits = radix(&n, base(p)?, s.control == u32::from(b'b'));
            term(digits, f, adj, None, pad, Enc::Latin1)
        }
        'x' | 'X' | '+' | '#' => {
            let n = integer_big(arg(0))?;
            let b = base(p)?;
            let lower = matches!(char::from_u32(s.control)?, 'x' | '+');
            let prefix = match char::from_u32(s.control)? {
                'x' | 'X' => prefix_arg(arg(1))?,
                _ => chars_of(&format!("{b}#")),
            };
            let digits = radix(&n, b, lower);
            let mut v = Vec::new();
            if digits.first() == Some(&u32::from(b'-')) {
                v.push(u32::from(b'-'));
                v.extend(prefix);
                v.extend(&digits[1..]);
            } else {
                v.extend(prefix);
                v.extend(digits);
            }
            term(v, f, adj, None, pad, Enc::Latin1)
        }
        _ => return None,
    };
    out.push_all(&text)
}

fn integer_big(t: Term) -> Option<num_bigint::BigInt> {
    match t.as_small() {
        Some(i) => Some(i.into()),
        None => crate::term::bignum::to_bigint(t),
    }
}

fn base(p: Option<i64>) -> Option<u32> {
    let b = p.unwrap_or(10);
    (2..=36).contains(&b).then_some(b as u32)
}

/// `integer_to_list(N, Base)`, upper case unless `lower`.
fn radix(n: &num_bigint::BigInt, base: u32, lower: bool) -> Vec<u32> {
    let s = n.to_str_radix(base);
    let s = if lower { s } else { s.to_uppercase() };
    chars_of(&s)
}

/// The prefix of `~x`/`~X`: an atom's name or a (deep) list of characters.
fn prefix_arg(t: Term) -> Option<Vec<u32>> {
    if let Some(a) = t.as_atom() {
        return Some(chars_of(a.name()));
    }
    let mut out = Vec::new();
    deep_chars(t, &mut out)?;
    Some(out)
}

fn deep_chars(t: Term, out: &mut Vec<u32>) -> Option<()> {
    let mut l = t;
    while let Some((h, tl)) = l.cons() {
        if h.is_nil() || h.cons().is_some() {
            deep_chars(h, out)?;
        } else {
            let c = u32::try_from(h.as_small()?).ok()?;
            char::from_u32(c)?;
            out.push(c);
        }
        l = tl;
    }
    l.is_nil().then_some(())
}

/// `char/5`: `~c` and `~~` repeat the character to the field width or the precision.
fn char_field(c: u32, f: Option<i64>, adj: Adjust, p: Option<i64>, pad: u32) -> Option<Vec<u32>> {
    Some(match (f, p) {
        (None, None) => vec![c],
        (Some(f), None) => repeat(c, f),
        (None, Some(p)) => repeat(c, p),
        (Some(f), Some(p)) if f >= p => adjust(repeat(c, p), repeat(pad, f - p), adj),
        _ => return None,
    })
}

/// The characters of a `~s` argument: `iolist_to_chars` (Latin-1: bytes and characters
/// up to 255) or `cdata_to_chars` (`~ts`: binaries as UTF-8 when they are).
fn string_arg(t: Term, enc: Enc) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    if let Some(a) = t.as_atom() {
        out = chars_of(a.name());
        if enc == Enc::Latin1 && out.iter().any(|&c| c > 255) {
            return None;
        }
        return Some(out);
    }
    chardata(t, enc, &mut out)?;
    Some(out)
}

fn chardata(t: Term, enc: Enc, out: &mut Vec<u32>) -> Option<()> {
    match t.view() {
        View::Bits(b) if b.is_binary() => {
            let bytes: Vec<u8> = (0..b.byte_len()).map(|i| b.byte(i)).collect();
            match (enc, std::str::from_utf8(&bytes)) {
                (Enc::Unicode, Ok(s)) => out.extend(s.chars().map(|c| c as u32)),
                _ => out.extend(bytes.iter().map(|&b| u32::from(b))),
            }
            Some(())
        }
        View::Nil => Some(()),
        View::Cons(..) => {
            let mut l = t;
            while let Some((h, tl)) = l.cons() {
                match h.view() {
                    View::Small(c) => {
                        let c = u32::try_from(c).ok()?;
                        if enc == Enc::Latin1 && c > 255 {
                            return None;
                        }
                        out.push(c);
                    }
                    _ => chardata(h, enc, out)?,
                }
                l = tl;
            }
            chardata(l, enc, out)
        }
        _ => None,
    }
}

/// Grapheme clusters, as `string:slice/3` and `string:length/1` count them here: a
/// combining mark joins the character before it, and so does `\n` after `\r`.
fn grapheme_starts(s: &[u32]) -> Vec<usize> {
    let mut starts = Vec::new();
    for (i, &c) in s.iter().enumerate() {
        let joins = i > 0
            && ((c == 10 && s[i - 1] == 13)
                || char::from_u32(c).is_some_and(unicode_normalization::char::is_combining_mark));
        if !joins {
            starts.push(i);
        }
    }
    starts
}

/// `string:slice(S, 0, N)`.
fn flat_trunc(mut s: Vec<u32>, n: i64) -> Vec<u32> {
    let starts = grapheme_starts(&s);
    if let Some(&end) = starts.get(n.max(0) as usize) {
        s.truncate(end);
    }
    s
}

/// `string/6`: `~s` in its field and precision.
fn string(s: Vec<u32>, f: Option<i64>, adj: Adjust, p: Option<i64>, pad: u32) -> Option<Vec<u32>> {
    let n = s.len() as i64;
    Some(match (f, p) {
        (None, None) => s,
        (Some(f), None) => string_field(s, f, adj, n, pad),
        (None, Some(p)) => string_field(s, p, Adjust::Left, n, pad),
        (Some(f), Some(p)) if f > p => {
            if n > p {
                adjust(flat_trunc(s, p), repeat(pad, f - p), adj)
            } else if n < p {
                let mut s = s;
                s.extend(repeat(pad, p - n));
                adjust(s, repeat(pad, f - p), adj)
            } else {
                adjust(s, repeat(pad, f - p), adj)
            }
        }
        (Some(f), Some(p)) if f == p => string_field(s, f, adj, n, pad),
        _ => return None,
    })
}

fn string_field(s: Vec<u32>, f: i64, adj: Adjust, n: i64, pad: u32) -> Vec<u32> {
    if n > f {
        flat_trunc(s, f)
    } else if n < f {
        adjust(s, repeat(pad, f - n), adj)
    } else {
        s
    }
}

/// `term/6`: a term's text in its field; too long for the precision, it becomes `*`s.
fn term(t: Vec<u32>, f: Option<i64>, adj: Adjust, p: Option<i64>, pad: u32, enc: Enc) -> Vec<u32> {
    let (f, p0) = match (f, p) {
        (None, None) => return t,
        (None, Some(p)) => (p, Some(p)),
        (Some(f), p) => (f, p),
    };
    let l = match enc {
        Enc::Latin1 => t.len() as i64,
        Enc::Unicode => grapheme_starts(&t).len() as i64,
    };
    let p = l.min(p0.map_or(f, |p0| p0.min(f)));
    if l > p {
        adjust(repeat(u32::from(b'*'), p), repeat(pad, f - p), adj)
    } else {
        adjust(t, repeat(pad, f - l), adj)
    }
}

// ----- floats ---------------------------------------------------------------------

/// `float_data/1`: the 21 significant digits of `float_to_list/1` (`%.20e`) and the
/// exponent plus one.
fn float_data(x: f64) -> (Vec<u8>, i64) {
    let s = format!("{:.20e}", x.abs());
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let digits = m.bytes().filter(u8::is_ascii_digit).collect();
    (digits, e.parse::<i64>().unwrap_or(0) + 1)
}

fn signbit(x: f64) -> Vec<u32> {
    if x.is_sign_negative() {
        vec![u32::from(b'-')]
    } else {
        Vec::new()
    }
}

/// `float_man/3`: `i` integer digits, `.`, `dc` decimals, rounding half up on the next
/// digit; the flag is a carry out of the first digit.
fn float_man(ds: &[u8], i: usize, dc: usize) -> (Vec<u8>, bool) {
    let mut out: Vec<u8> = Vec::with_capacity(i + dc + 1);
    for k in 0..i {
        out.push(ds.get(k).copied().unwrap_or(b'0'));
    }
    out.push(b'.');
    for k in 0..dc {
        out.push(ds.get(i + k).copied().unwrap_or(b'0'));
    }
    // Only digits that exist round: past the end there is nothing to carry.
    let mut carry = ds.len() > i + dc && ds[i + dc] >= b'5';
    if ds.len() <= i {
        carry = false;
    }
    if carry {
        for b in out.iter_mut().rev() {
            match *b {
                b'.' => continue,
                b'9' => *b = b'0',
                _ => {
                    *b += 1;
                    carry = false;
                    break;
                }
            }
        }
    }
    (out, carry)
}

fn float_e(x: f64, p: i64) -> Option<Vec<u32>> {
    if p < 2 {
        return None;
    }
    let (ds, e) = float_data(x);
    let (fs, carry) = float_man(&ds, 1, (p - 1) as usize);
    let mut s = signbit(x);
    let exp = if carry {
        // `{[$0|Fs], true}`: the leading 0 becomes 1, one power of ten up.
        s.push(u32::from(b'1'));
        s.extend(fs[1..].iter().map(|&b| u32::from(b)));
        e
    } else {
        s.extend(fs.iter().map(|&b| u32::from(b)));
        e - 1
    };
    let exp = if exp >= 0 {
        format!("e+{exp}")
    } else {
        format!("e{exp}")
    };
    s.extend(chars_of(&exp));
    Some(s)
}

fn float_f(x: f64, p: i64) -> Option<Vec<u32>> {
    if p < 1 {
        return None;
    }
    let (mut ds, mut e) = float_data(x);
    if e <= 0 {
        let mut z = vec![b'0'; (-e + 1) as usize];
        z.extend(ds);
        ds = z;
        e = 1;
    }
    let (fs, carry) = float_man(&ds, e as usize, p as usize);
    let mut s = signbit(x);
    if carry {
        s.push(u32::from(b'1'));
    }
    s.extend(fs.iter().map(|&b| u32::from(b)));
    Some(s)
}

/// `fwrite_g/5`: `~f` for 0.1 <= |x| < 10000 with `p` significant digits, else `~e`.
fn float_g(x: f64, p: i64) -> Option<Vec<u32>> {
    if p < 1 {
        return None;
    }
    let a = x.abs();
    let e: Option<i64> = [1.0e-1, 1.0, 1.0e1, 1.0e2, 1.0e3, 1.0e4]
        .iter()
        .position(|&limit| a < limit)
        .map(|k| k as i64 - 2);
    match e {
        Some(e) if (p <= 1 && e == -1) || (p - 1 > e && e >= -1) => float_f(x, p - 1 - e),
        _ if p <= 1 => float_e(x, 2),
        _ => float_e(x, p),
    }
}

// ----- error details ----------------------------------------------------------------

/// Why `:io.format(fmt, args)` failed, as OTP 25's `erl_stdlib_errors` explains it: one
/// `(argument position, text)` per faulty argument (`offset` is 1 when a device comes
/// first). The checks are `erl_lint:check_format_string/1` (stricter than the formatter)
/// and the argument types it asks for; when those pass, formatting itself failed.
pub fn error_details(fmt: Term, args: Term, offset: i64) -> Vec<(i64, String)> {
    if args.cons().is_some() && proper_list(args).is_none() {
        // OTP's explanation fails on an improper list (no text for it): Elixir then
        // says only "argument error".
        return Vec::new();
    }
    let is_format = match fmt.view() {
        View::Atom(_) | View::Nil => true,
        View::Bits(b) => b.is_binary(),
        View::Cons(..) => proper_list(fmt).is_some_and(|xs| xs.iter().all(|x| x.is_integer())),
        _ => false,
    };
    let list = proper_list(args);
    if !is_format {
        let mut out = vec![(1 + offset, "not a valid format string".to_string())];
        if let Some(text) = list_error(args) {
            out.push((2 + offset, text.to_string()));
        }
        return out;
    }
    let Some(args) = list else {
        return vec![(2 + offset, "not a list".to_string())];
    };
    let chars: Vec<u32> = match fmt.view() {
        View::Cons(..) => proper_list(fmt)
            .unwrap_or_default()
            .iter()
            .map(|x| x.as_small().map_or(u32::MAX, |c| c as u32))
            .collect(),
        _ => format_chars(fmt).unwrap_or_default(),
    };
    let types = match check_format_string(&chars) {
        Ok(types) => types,
        Err(e) => return vec![(1 + offset, format!("format string invalid ({e})"))],
    };
    if types.len() != args.len() {
        return vec![(1 + offset, "wrong number of arguments".to_string())];
    }
    let wrong: Vec<String> = types
        .iter()
        .zip(&args)
        .enumerate()
        .filter_map(|(i, (ty, &a))| {
            let ok = match ty {
                ArgType::Int => a.is_integer(),
                ArgType::Float => a.as_float().is_some(),
                ArgType::Term => true,
                ArgType::String => {
                    a.as_atom().is_some()
                        || crate::binary::bits(a).is_some_and(|b| b.is_binary())
                        || (a.is_nil() || a.cons().is_some()) && chardata_list(a)
                }
            };
            let name = match ty {
                ArgType::Int => "integer",
                ArgType::Float => "float",
                _ => "string",
            };
            (!ok).then(|| format!("element {} must be of type {name}", i + 1))
        })
        .collect();
    if wrong.is_empty() {
        vec![(1 + offset, "failed to format string".to_string())]
    } else {
        vec![(2 + offset, wrong.join("\n"))]
    }
}

fn proper_list(t: Term) -> Option<Vec<Term>> {
    let mut out = Vec::new();
    let mut l = t;
    while let Some((h, tl)) = l.cons() {
        out.push(h);
        l = tl;
    }
    l.is_nil().then_some(out)
}

/// `must_be_list/1` (improper lists are handled before).
fn list_error(t: Term) -> Option<&'static str> {
    (!t.is_nil() && t.cons().is_none()).then_some("not a list")
}

/// A list `unicode:characters_to_binary/1` takes without raising.
fn chardata_list(t: Term) -> bool {
    let mut l = t;
    while let Some((h, tl)) = l.cons() {
        // Integers out of range are an `{:error, ...}` result, not an exception.
        let ok = match h.view() {
            View::Small(_) | View::Big { .. } => true,
            View::Bits(b) => b.is_binary(),
            View::Nil | View::Cons(..) => chardata_list(h),
            _ => false,
        };
        if !ok {
            return false;
        }
        l = tl;
    }
    l.is_nil() || crate::binary::bits(l).is_some_and(|b| b.is_binary())
}

#[derive(Clone, Copy)]
enum ArgType {
    Int,
    Float,
    String,
    Term,
}

/// OTP 25's `erl_lint:check_format_string/1`: the argument types the format needs, or
/// why it is invalid.
fn check_format_string(fmt: &[u32]) -> Result<Vec<ArgType>, String> {
    let c = |ch: char| ch as u32;
    let digit = |x: Option<&u32>| x.is_some_and(|&x| (48..=57).contains(&x));
    let mut need = Vec::new();
    let mut i = 0;
    while let Some(pos) = fmt[i..].iter().position(|&x| x == c('~')) {
        i += pos + 1;
        let at = |k: usize| fmt.get(k);
        // Field width.
        if at(i) == Some(&c('-')) && digit(at(i + 1)) {
            i += 1;
        }
        if digit(at(i)) {
            while digit(at(i)) {
                i += 1;
            }
        } else if at(i) == Some(&c('-')) && at(i + 1) == Some(&c('*')) {
            need.push(ArgType::Int);
            i += 2;
        } else if at(i) == Some(&c('*')) {
            need.push(ArgType::Int);
            i += 1;
        }
        // Precision, then pad character.
        let mut pad_state = false;
        if at(i) == Some(&c('.')) {
            if digit(at(i + 1)) {
                i += 1;
                while digit(at(i)) {
                    i += 1;
                }
                pad_state = true;
            } else if at(i + 1) == Some(&c('*')) {
                need.push(ArgType::Int);
                i += 2;
                pad_state = true;
            } else {
                i += 1;
                pad_state = true;
            }
        }
        if pad_state && at(i) == Some(&c('.')) {
            match at(i + 1) {
                Some(&x) if x == c('*') => {
                    need.push(ArgType::Int);
                    i += 2;
                }
                Some(_) => i += 2,
                None => {}
            }
        }
        if i >= fmt.len() {
            return Err("truncated".into());
        }
        // Modifiers: `t` and `l` only where OTP 25's linter allows them.
        let ch = |k: usize| fmt.get(k).and_then(|&x| char::from_u32(x));
        let mut control = i;
        match (ch(i), ch(i + 1), ch(i + 2)) {
            (Some('t'), Some('l'), third) | (Some('l'), Some('t'), third) => match third {
                Some('p' | 'P') => control = i + 2,
                Some(x) => return Err(format!("invalid control ~lt{x}")),
                None if ch(i) == Some('t') => return Err("invalid control ~lt".into()),
                None => return Err("invalid control ~lt".into()),
            },
            (Some('t'), Some(x), _) => {
                if matches!(x, 'c' | 's' | 'p' | 'P' | 'w' | 'W') {
                    control = i + 1;
                } else {
                    return Err(format!("invalid control ~t{x}"));
                }
            }
            (Some('l'), Some(x), _) => {
                if matches!(x, 'p' | 'P') {
                    control = i + 1;
                } else {
                    return Err(format!("invalid control ~l{x}"));
                }
            }
            _ => {}
        }
        let Some(&cc) = fmt.get(control) else {
            return Err("truncated".into());
        };
        i = control + 1;
        let types: &[ArgType] = match char::from_u32(cc) {
            Some('~' | 'n') => &[],
            Some('c' | 'b' | 'B') => &[ArgType::Int],
            Some('f' | 'e' | 'g') => &[ArgType::Float],
            Some('s') => &[ArgType::String],
            Some('w' | 'p' | '+' | '#' | 'i') => &[ArgType::Term],
            Some('W' | 'P') => &[ArgType::Term, ArgType::Int],
            Some('x' | 'X') => &[ArgType::Int, ArgType::String],
            _ => {
                let mut s = String::from("invalid control ~");
                write::push_code(&mut s, cc);
                return Err(s);
            }
        };
        need.extend_from_slice(types);
    }
    Ok(need)
}
