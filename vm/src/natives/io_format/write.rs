//! `io_lib`'s writers: `io_lib:write/2` (what `~w` and `~W` print), atoms, strings and
//! characters in Erlang syntax, and binaries as lists of bytes.

use crate::inspect;
use crate::term::{map, Term, View};

/// The `t` modifier: `Unicode` keeps characters above 255 as they are.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Enc {
    Latin1,
    Unicode,
}

/// How `io_lib`'s `string_char` treats characters from 160 up.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StrMode {
    /// `write_latin1_string`: characters 160..=255 as they are.
    Latin1,
    /// `write_string`: every character from 160 as it is.
    Unicode,
    /// `write_string_as_latin1`: 160..=255 as they are, higher ones as `\x{HEX}`.
    UnicodeAsLatin1,
}

/// Pushes the code point `c` (a valid one: callers check).
pub fn push_code(out: &mut String, c: u32) {
    out.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
}

/// One character inside a quoted string or atom (`io_lib:string_char/4`).
pub fn string_char(mode: StrMode, c: u32, q: u32, out: &mut String) {
    match c {
        _ if c == q => {
            out.push('\\');
            push_code(out, c);
        }
        92 => out.push_str("\\\\"),
        32..=126 => push_code(out, c),
        160..=255 => push_code(out, c),
        256.. if mode == StrMode::UnicodeAsLatin1 => {
            out.push_str(&format!("\\x{{{:X}}}", c));
        }
        256.. => push_code(out, c),
        10 => out.push_str("\\n"),
        13 => out.push_str("\\r"),
        9 => out.push_str("\\t"),
        11 => out.push_str("\\v"),
        8 => out.push_str("\\b"),
        12 => out.push_str("\\f"),
        27 => out.push_str("\\e"),
        127 => out.push_str("\\d"),
        _ => {
            out.push('\\');
            for shift in [6, 3, 0] {
                push_code(out, ((c >> shift) & 7) + 48);
            }
        }
    }
}

/// A quoted string (`io_lib:write_string/2` and friends).
pub fn write_string(chars: &[u32], q: u32, mode: StrMode, out: &mut String) {
    push_code(out, q);
    for &c in chars {
        string_char(mode, c, q, out);
    }
    push_code(out, q);
}

/// Erlang's reserved words, which are quoted as atoms (OTP 25, no features enabled).
const RESERVED: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
    "rem", "try", "when", "xor",
];

fn lower_start(c: u32) -> bool {
    (97..=122).contains(&c) || ((0xDF..=0xFF).contains(&c) && c != 0xF7)
}

fn name_char(c: u32) -> bool {
    lower_start(c)
        || (65..=90).contains(&c)
        || ((0xC0..=0xDE).contains(&c) && c != 0xD7)
        || (48..=57).contains(&c)
        || c == 95
        || c == 64
}

/// `io_lib:quote_atom/2`.
fn quote_atom(name: &str) -> bool {
    if RESERVED.contains(&name) {
        return true;
    }
    let mut cs = name.chars().map(|c| c as u32);
    match cs.next() {
        Some(c) if lower_start(c) => !cs.all(name_char),
        _ => true,
    }
}

/// An atom, quoted when it must be: `io_lib:write_atom/1` (`Unicode`) or
/// `io_lib:write_atom_as_latin1/1` (`Latin1`: characters above 255 as `\x{...}`).
pub fn write_atom(name: &str, enc: Enc, out: &mut String) {
    if quote_atom(name) {
        let chars: Vec<u32> = name.chars().map(|c| c as u32).collect();
        let mode = match enc {
            Enc::Latin1 => StrMode::UnicodeAsLatin1,
            Enc::Unicode => StrMode::Unicode,
        };
        write_string(&chars, 39, mode, out);
    } else {
        out.push_str(name);
    }
}

/// One element of a binary written as bytes: a byte, `...`, or the last bits `X:Size`.
#[derive(Clone, Debug)]
pub enum BinItem {
    Text(String),
    Bits(String, String),
}

impl BinItem {
    pub fn len(&self) -> i64 {
        match self {
            BinItem::Text(s) => s.len() as i64,
            BinItem::Bits(x, l) => (x.len() + 1 + l.len()) as i64,
        }
    }

    pub fn push_to(&self, out: &mut String) {
        match self {
            BinItem::Text(s) => out.push_str(s),
            BinItem::Bits(x, l) => {
                out.push_str(x);
                out.push(':');
                out.push_str(l);
            }
        }
    }
}

/// The elements of `io_lib:write_binary/3` (between `<<` and `>>`), `depth` as there.
pub fn binary_items(b: &crate::binary::Bits<'_>, depth: i64) -> Vec<BinItem> {
    let mut items = Vec::new();
    let mut d = depth;
    let mut i = 0usize;
    loop {
        let left = b.bit_size - 8 * i;
        if left == 0 {
            break;
        }
        if d == 1 {
            items.push(BinItem::Text("...".into()));
            break;
        }
        if left >= 8 {
            items.push(BinItem::Text(b.byte(i).to_string()));
            if left == 8 {
                break;
            }
            i += 1;
            d -= 1;
        } else {
            let x = b.byte(i) >> (8 - left);
            items.push(BinItem::Bits(x.to_string(), left.to_string()));
            break;
        }
    }
    items
}

/// `<<...>>` of [`binary_items`].
pub fn binary_text(items: &[BinItem], out: &mut String) {
    out.push_str("<<");
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        it.push_to(out);
    }
    out.push_str(">>");
}

fn integer_text(t: Term, out: &mut String) {
    match t.as_small() {
        Some(i) => out.push_str(&i.to_string()),
        None => {
            if let Some(b) = crate::term::bignum::to_bigint(t) {
                out.push_str(&b.to_string());
            }
        }
    }
}

/// `io_lib:write/2` with a depth (-1: unlimited) and an encoding for atoms.
pub fn write(t: Term, depth: i64, enc: Enc, out: &mut String) {
    if depth == 0 {
        out.push_str("...");
        return;
    }
    match t.view() {
        View::Small(_) | View::Big { .. } => integer_text(t, out),
        View::Float(f) => out.push_str(&inspect::format_float(f)),
        View::Atom(a) => write_atom(a.name(), enc, out),
        View::Port(p) => out.push_str(&format!("#Port<0.{p}>")),
        View::Pid(p) => out.push_str(&format!("<0.{p}.0>")),
        View::LocalRef(r) => out.push_str(&format!("#Ref<0.0.0.{r}>")),
        View::MagicRef(r) => out.push_str(&format!("#Ref<0.0.0.{}>", r.serial())),
        View::Bits(b) => binary_text(&binary_items(&b, depth), out),
        View::Nil => out.push_str("[]"),
        View::Tuple([]) => out.push_str("{}"),
        View::Cons(h, tail) => {
            if depth == 1 {
                out.push_str("[...]");
                return;
            }
            out.push('[');
            write(h, depth - 1, enc, out);
            let mut d = depth - 1;
            let mut l = tail;
            loop {
                if l.is_nil() {
                    break;
                }
                if d == 1 {
                    out.push_str("|...");
                    break;
                }
                match l.cons() {
                    Some((h, t)) => {
                        out.push(',');
                        write(h, d - 1, enc, out);
                        l = t;
                        d -= 1;
                    }
                    None => {
                        out.push('|');
                        write(l, d - 1, enc, out);
                        break;
                    }
                }
            }
            out.push(']');
        }
        View::Fun { module, index, .. } => {
            out.push_str(&format!("#Fun<{}.{index}.0>", module.name()));
        }
        View::Export {
            module,
            function,
            arity,
        } => {
            out.push_str("fun ");
            write_atom(module.name(), Enc::Latin1, out);
            out.push(':');
            write_atom(function.name(), Enc::Latin1, out);
            out.push_str(&format!("/{arity}"));
        }
        View::Map(m) => {
            // OTP 25's `write_map/3`: `#{}` at depth 1; after the first pair, each
            // further one costs a level and `,...` ends the map when the depth runs out
            // (even with no pair left).
            let pairs = map::sorted_pairs(m);
            let Some(((k, v), rest)) = pairs.split_first().filter(|_| depth != 1) else {
                out.push_str("#{}");
                return;
            };
            let d0 = depth - 1;
            out.push_str("#{");
            write(*k, d0, enc, out);
            out.push_str(" => ");
            write(*v, d0, enc, out);
            let mut d = d0;
            let mut rest = rest.iter();
            loop {
                if d == 1 {
                    out.push_str(",...");
                    break;
                }
                let Some((k, v)) = rest.next() else {
                    break;
                };
                out.push(',');
                write(*k, d0, enc, out);
                out.push_str(" => ");
                write(*v, d0, enc, out);
                d -= 1;
            }
            out.push('}');
        }
        View::Tuple(items) => {
            if depth == 1 {
                out.push_str("{...}");
                return;
            }
            out.push('{');
            write(items[0], depth - 1, enc, out);
            let mut d = depth - 1;
            for x in &items[1..] {
                if d == 1 {
                    out.push_str(",...");
                    break;
                }
                out.push(',');
                write(*x, d - 1, enc, out);
                d -= 1;
            }
            out.push('}');
        }
        View::Internal => out.push_str("'$internal'"),
    }
}
