//! Text-level pieces of `inspect`: `Code.Identifier.escape/4`, `String.printable?/2`,
//! `List.ascii_printable?/2`, atom classification (`Macro.inspect_atom/2`) and numbers.

use num_bigint::BigInt;

/// Decodes one UTF-8 character at the start of `b` as Erlang's `<<c::utf8>>` match does
/// (no overlong forms, no surrogates, nothing above U+10FFFF): the character and its
/// length.
pub fn decode_utf8(b: &[u8]) -> Option<(char, usize)> {
    let first = *b.first()?;
    let len = match first {
        0x00..=0x7F => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let s = std::str::from_utf8(b.get(..len)?).ok()?;
    s.chars().next().map(|c| (c, len))
}

/// `Code.Identifier.escape_map/1`.
fn escape_map(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{7}' => "\\a",
        '\u{8}' => "\\b",
        '\u{7F}' => "\\d",
        '\u{1B}' => "\\e",
        '\u{C}' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\u{B}' => "\\v",
        '\\' => "\\\\",
        _ => return None,
    })
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// `Code.Identifier.escape_char/1`.
fn escape_char(c: char, out: &mut String) {
    let n = c as u32;
    match n {
        0 => out.push_str("\\0"),
        0xFEFF => out.push_str("\\uFEFF"),
        0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF => out.push(c),
        _ if n < 0x100 => push_hex_byte(n as u8, out),
        _ => {
            let digits = if n < 0x10000 { 4 } else { 6 };
            out.push_str("\\x{");
            for i in (0..digits).rev() {
                out.push(HEX[((n >> (4 * i)) & 0xF) as usize] as char);
            }
            out.push('}');
        }
    }
}

fn push_hex_byte(b: u8, out: &mut String) {
    out.push_str("\\x");
    out.push(HEX[usize::from(b >> 4)] as char);
    out.push(HEX[usize::from(b & 0xF)] as char);
}

/// `Code.Identifier.escape(binary, quote, limit)`: appends the escaped text to `out` and
/// returns true when it stopped at the limit with bytes left over. A limit of
/// `usize::MAX` is `:infinity`.
pub fn escape(bytes: &[u8], quote: u8, limit: usize, out: &mut String) -> bool {
    let mut rest = bytes;
    let mut count = limit;
    while let Some(&b) = rest.first() {
        if count == 0 {
            return true;
        }
        if b == quote {
            out.push('\\');
            out.push(b as char);
            rest = &rest[1..];
        } else if rest.starts_with(b"#{") {
            out.push_str("\\#{");
            rest = &rest[2..];
        } else if let Some((c, len)) = decode_utf8(rest) {
            match escape_map(c) {
                Some(e) => out.push_str(e),
                None => escape_char(c, out),
            }
            rest = &rest[len..];
        } else {
            push_hex_byte(b, out);
            rest = &rest[1..];
        }
        if count != usize::MAX {
            count -= 1;
        }
    }
    false
}

/// `String.printable?(binary, limit)`.
pub fn string_printable(bytes: &[u8], limit: usize) -> bool {
    let mut rest = bytes;
    let mut count = limit;
    while !rest.is_empty() {
        if count == 0 {
            return true;
        }
        match decode_utf8(rest) {
            Some((c, len)) if printable_char(c) => rest = &rest[len..],
            _ => return false,
        }
        if count != usize::MAX {
            count -= 1;
        }
    }
    true
}

fn printable_char(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E | 0x0A | 0x0D | 0x09 | 0x0B | 0x08 | 0x0C | 0x1B | 0x7F | 0x07
        | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// The characters `List.ascii_printable?/2` accepts.
pub fn ascii_printable(c: i64) -> bool {
    matches!(c, 7..=13 | 27 | 32..=126)
}

/// The classes of `Macro.classify_atom/1` (via `inner_classify/1`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Alias,
    Identifier,
    UnquotedOperator,
    QuotedOperator,
    NotCallable,
    Other,
}

const NOT_CALLABLE: &[&str] = &["%", "%{}", "{}", "<<>>", "...", "..", ".", "..//", "->"];
const QUOTED_OPERATORS: &[&str] = &["::", "^^^", "~~~", "<|>"];
/// Unary and binary operators (`Macro.operator?/2` for arity 1 or 2), minus the ones
/// caught by the two lists above.
const OPERATORS: &[&str] = &[
    "&", "!", "^", "not", "+", "-", "@", "<-", "\\\\", "when", "|", "=", "||", "|||", "or", "&&",
    "&&&", "and", "==", "!=", "=~", "===", "!==", "<", "<=", ">=", ">", "|>", "<<<", ">>>", "<~",
    "~>", "<<~", "~>>", "<~>", "in", "++", "--", "<>", "+++", "---", "*", "/", "**",
];

fn inner_classify(name: &str) -> Class {
    if NOT_CALLABLE.contains(&name) {
        Class::NotCallable
    } else if QUOTED_OPERATORS.contains(&name) {
        Class::QuotedOperator
    } else if OPERATORS.contains(&name) {
        Class::UnquotedOperator
    } else if valid_alias(name) {
        Class::Alias
    } else {
        match tokenize(name) {
            Some((kind, special_at)) if kind != Kind::Identifier || special_at => {
                Class::NotCallable
            }
            Some(_) => Class::Identifier,
            None => Class::Other,
        }
    }
}

/// `Macro.valid_alias?/1`: `Elixir` followed by `.Upper[A-Za-z0-9_]*` pieces.
fn valid_alias(name: &str) -> bool {
    let Some(mut rest) = name.strip_prefix("Elixir") else {
        return false;
    };
    while !rest.is_empty() {
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some('.'), Some(c)) if c.is_ascii_uppercase() => {}
            _ => return false,
        }
        rest = &rest[2..];
        rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    }
    true
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Alias,
    Identifier,
    Atom,
}

/// `String.Tokenizer.tokenize/1` when it consumes the whole name: the kind and whether
/// an `@` was seen. Non-ASCII letters are approximated with Rust's Unicode properties
/// (alphabetic to start, alphanumeric to continue; uppercase starts an atom), without
/// Elixir's normalisation and mixed-script checks.
fn tokenize(name: &str) -> Option<(Kind, bool)> {
    let mut chars = name.chars();
    let head = chars.next()?;
    let kind = if head.is_ascii_uppercase() {
        Kind::Alias
    } else if head.is_ascii_lowercase() || head == '_' {
        Kind::Identifier
    } else if head.is_ascii() {
        return None;
    } else if head.is_uppercase() {
        Kind::Atom
    } else if head.is_alphabetic() {
        Kind::Identifier
    } else {
        return None;
    };
    let mut at = false;
    let mut rest = chars.as_str();
    while let Some(c) = rest.chars().next() {
        if c == '?' || c == '!' {
            rest = &rest[1..];
            break;
        }
        if c == '@' {
            at = true;
        } else if !(c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && is_continue(c))) {
            break;
        }
        rest = &rest[c.len_utf8()..];
    }
    rest.is_empty().then_some((kind, at))
}

fn is_continue(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Common combining marks (a part of Unicode's Mn/Mc that identifiers may continue with).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F)
}

/// How an atom prints on its own, `Macro.inspect_atom(:literal, atom)`.
pub fn atom_literal(name: &str, out: &mut String) {
    if matches!(name, "nil" | "true" | "false") {
        out.push_str(name);
        return;
    }
    match classify(name) {
        Class::Alias => {
            if name == "Elixir" || name == "Elixir.Elixir" || name.starts_with("Elixir.Elixir.") {
                out.push_str(name);
            } else {
                out.push_str(name.strip_prefix("Elixir.").unwrap_or(name));
            }
        }
        Class::Other | Class::QuotedOperator => {
            out.push_str(":\"");
            escape(name.as_bytes(), b'"', usize::MAX, out);
            out.push('"');
        }
        _ => {
            out.push(':');
            out.push_str(name);
        }
    }
}

/// A keyword key with its colon, `Macro.inspect_atom(:key, atom)`.
pub fn atom_key(name: &str, out: &mut String) {
    match classify(name) {
        Class::Alias => {
            out.push('"');
            out.push_str(name);
            out.push_str("\":");
        }
        Class::Other | Class::QuotedOperator => {
            out.push('"');
            escape(name.as_bytes(), b'"', usize::MAX, out);
            out.push_str("\":");
        }
        _ => {
            out.push_str(name);
            out.push(':');
        }
    }
}

/// A function name after `Mod.`, `Macro.inspect_atom(:remote_call, atom)`.
pub fn atom_remote_call(name: &str, out: &mut String) {
    match inner_classify(name) {
        Class::Identifier | Class::UnquotedOperator | Class::QuotedOperator => out.push_str(name),
        Class::NotCallable | Class::Alias => {
            out.push('"');
            out.push_str(name);
            out.push('"');
        }
        Class::Other => {
            out.push('"');
            escape(name.as_bytes(), b'"', usize::MAX, out);
            out.push('"');
        }
    }
}

/// `Macro.classify_atom/1`, folded onto the three outcomes that printing uses.
fn classify(name: &str) -> Class {
    match inner_classify(name) {
        Class::Alias => Class::Alias,
        Class::Identifier => Class::Identifier,
        Class::UnquotedOperator | Class::NotCallable => Class::NotCallable,
        _ => Class::Other,
    }
}

/// `Inspect.Integer`: the digits in `radix` (upper case) with Elixir's prefix.
pub fn integer(value: &BigInt, radix: u32, out: &mut String) {
    let digits = value.magnitude().to_str_radix(radix).to_ascii_uppercase();
    if value.sign() == num_bigint::Sign::Minus {
        out.push('-');
    }
    out.push_str(match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    });
    out.push_str(&digits);
}

/// `Inspect.Integer` for a machine integer.
pub fn small_integer(value: i64, radix: u32, out: &mut String) {
    if radix == 10 {
        out.push_str(&value.to_string());
    } else {
        integer(&BigInt::from(value), radix, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(name: &str) -> String {
        let mut s = String::new();
        atom_literal(name, &mut s);
        s
    }

    #[test]
    fn atoms_quote_as_elixir_does() {
        assert_eq!(lit("ok"), ":ok");
        assert_eq!(lit("nil"), "nil");
        assert_eq!(lit("Elixir.Foo.Bar"), "Foo.Bar");
        assert_eq!(lit("Elixir"), "Elixir");
        assert_eq!(lit("foo bar"), ":\"foo bar\"");
        assert_eq!(lit("+"), ":+");
        assert_eq!(lit("::"), ":\"::\"");
        assert_eq!(lit("//"), ":\"//\"");
        assert_eq!(lit("%{}"), ":%{}");
        assert_eq!(lit("foo@bar"), ":foo@bar");
        assert_eq!(lit("foo?"), ":foo?");
        assert_eq!(lit("foo?bar"), ":\"foo?bar\"");
        assert_eq!(lit(""), ":\"\"");
        assert_eq!(lit("Foo"), ":Foo");
        assert_eq!(lit("josé"), ":josé");
    }

    #[test]
    fn escapes_follow_code_identifier() {
        let mut s = String::new();
        assert!(!escape(b"a\"b#{c}\n\x00\xFF\x7F", b'"', usize::MAX, &mut s));
        assert_eq!(s, "a\\\"b\\#{c}\\n\\0\\xFF\\d");
        let mut s = String::new();
        assert!(escape(b"abcdef", b'"', 3, &mut s));
        assert_eq!(s, "abc");
    }
}
