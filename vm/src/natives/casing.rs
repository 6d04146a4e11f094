//! `String.upcase/2`, `String.downcase/2` and the first letter of `String.capitalize/2`,
//! as Elixir 1.14's `String.Unicode` does them.
//!
//! The mappings (`casing_tables.rs`, Unicode 14.0 with SpecialCasing's unconditional
//! one-to-many mappings: ß → SS, ﬁ → FI, ŉ → ʼN, İ → i̇) are matched the way Elixir's
//! generated clauses match them, byte by byte: a code point whose mapping is the only
//! one under its leading bytes is matched whole, and where several share the leading
//! bytes, those bytes and whichever byte follows are taken together (and kept as they
//! are when unmapped). That matters beyond invalid UTF-8: the `:greek` final sigma looks
//! back at what has been produced, and only a piece produced as a one-code-point binary
//! counts as a letter there (ASCII and other bytes are produced one at a time).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::casing_tables::{CASED_LETTER, CASE_IGNORABLE, DOWNCASE, TITLECASE, UPCASE};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Default,
    Greek,
    Turkic,
}

/// Clauses generated for one mapping: whole code points, and tables under shared
/// leading bytes.
struct Lookup {
    singles: HashMap<Vec<u8>, &'static str>,
    tables: HashMap<Vec<u8>, HashMap<u8, &'static str>>,
}

impl Lookup {
    fn new(map: &'static [(u32, &'static str)]) -> Lookup {
        let mut groups: HashMap<Vec<u8>, Vec<(u8, &'static str)>> = HashMap::new();
        for &(cp, out) in map {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let (last, prefix) = bytes.split_last().expect("non-empty");
            groups
                .entry(prefix.to_vec())
                .or_default()
                .push((*last, out));
        }
        let mut singles = HashMap::new();
        let mut tables = HashMap::new();
        for (prefix, pairs) in groups {
            if let [(last, out)] = pairs[..] {
                let mut key = prefix;
                key.push(last);
                singles.insert(key, out);
            } else {
                tables.insert(prefix, pairs.into_iter().collect());
            }
        }
        Lookup { singles, tables }
    }

    /// The clause matching at the start of `s`: the piece it produces and the bytes it
    /// takes.
    fn find<'a>(&self, s: &'a [u8]) -> Option<(&'a [u8], Option<&'static str>)> {
        let k = match *s.first()? {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => return None,
        };
        let whole = s.get(..k)?;
        if let Some(&out) = self.singles.get(whole) {
            return Some((whole, Some(out)));
        }
        let table = self.tables.get(&s[..k - 1])?;
        Some((whole, table.get(&s[k - 1]).copied()))
    }
}

fn down() -> &'static Lookup {
    static L: OnceLock<Lookup> = OnceLock::new();
    L.get_or_init(|| Lookup::new(DOWNCASE))
}

fn up() -> &'static Lookup {
    static L: OnceLock<Lookup> = OnceLock::new();
    L.get_or_init(|| Lookup::new(UPCASE))
}

fn title() -> &'static Lookup {
    static L: OnceLock<Lookup> = OnceLock::new();
    L.get_or_init(|| Lookup::new(TITLECASE))
}

fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(_, hi)| hi < cp);
    ranges.get(i).is_some_and(|&(lo, _)| lo <= cp)
}

fn cased_letter(cp: u32) -> bool {
    in_ranges(CASED_LETTER, cp)
}

fn case_ignorable(cp: u32) -> bool {
    in_ranges(CASE_IGNORABLE, cp)
}

/// The code point at the start of `s` and its size, if it is valid UTF-8.
fn decode(s: &[u8]) -> Option<(u32, usize)> {
    let n = match *s.first()? {
        0..=0x7F => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let c = std::str::from_utf8(s.get(..n)?).ok()?.chars().next()?;
    Some((c as u32, n))
}

/// `String.upcase/2` (modes other than `:ascii`).
pub fn upcase(s: &[u8], mode: Mode) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if b == b'i' {
            out.extend_from_slice(if mode == Mode::Turkic {
                "İ".as_bytes()
            } else {
                b"I"
            });
            i += 1;
        } else if let Some((taken, mapped)) = up().find(&s[i..]) {
            out.extend_from_slice(mapped.map_or(taken, str::as_bytes));
            i += taken.len();
        } else {
            out.push(if b.is_ascii_lowercase() { b - 32 } else { b });
            i += 1;
        }
    }
    out
}

/// `String.downcase/2` (modes other than `:ascii`).
pub fn downcase(s: &[u8], mode: Mode) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    // The pieces produced, as (start in `out`, length, produced as a binary).
    let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
    fn push(out: &mut Vec<u8>, pieces: &mut Vec<(usize, usize, bool)>, bytes: &[u8], binary: bool) {
        pieces.push((out.len(), bytes.len(), binary));
        out.extend_from_slice(bytes);
    }
    let dotted_i: &[u8] = if mode == Mode::Turkic {
        b"i"
    } else {
        "i\u{307}".as_bytes()
    };
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with("İ".as_bytes()) {
            push(&mut out, &mut pieces, dotted_i, true);
            i += 2;
        } else if rest.starts_with("I\u{307}".as_bytes()) {
            push(&mut out, &mut pieces, dotted_i, true);
            i += 3;
        } else if rest[0] == b'I' {
            let x: &[u8] = if mode == Mode::Turkic {
                "ı".as_bytes()
            } else {
                b"i"
            };
            push(&mut out, &mut pieces, x, true);
            i += 1;
        } else if rest.starts_with("Σ".as_bytes()) {
            let after = &rest[2..];
            let final_sigma =
                mode == Mode::Greek && cased_before(&out, &pieces) && !cased_after(after);
            let x = if final_sigma { "ς" } else { "σ" };
            push(&mut out, &mut pieces, x.as_bytes(), true);
            i += 2;
        } else if let Some((taken, mapped)) = down().find(rest) {
            push(
                &mut out,
                &mut pieces,
                mapped.map_or(taken, str::as_bytes),
                true,
            );
            i += taken.len();
        } else {
            let b = rest[0];
            push(
                &mut out,
                &mut pieces,
                &[if b.is_ascii_uppercase() { b + 32 } else { b }],
                false,
            );
            i += 1;
        }
    }
    out
}

/// `cased_letter_list?/1`: the last piece that is not case-ignorable is a cased letter
/// (only one-code-point binaries count).
fn cased_before(out: &[u8], pieces: &[(usize, usize, bool)]) -> bool {
    for &(start, len, binary) in pieces.iter().rev() {
        let bytes = &out[start..start + len];
        let one = decode(bytes).filter(|&(_, n)| n == len);
        match (binary, one) {
            (true, Some((cp, _))) if case_ignorable(cp) => continue,
            (true, Some((cp, _))) => return cased_letter(cp),
            _ => return false,
        }
    }
    false
}

/// `cased_letter_binary?/1`: the first code point after the case-ignorable ones is a
/// cased letter.
fn cased_after(mut s: &[u8]) -> bool {
    while let Some((cp, n)) = decode(s) {
        if !case_ignorable(cp) {
            return cased_letter(cp);
        }
        s = &s[n..];
    }
    false
}

/// `String.Unicode.titlecase_once/2`: the first character titlecased, and how many bytes
/// it took.
pub fn titlecase_once(s: &[u8], mode: Mode) -> (Vec<u8>, usize) {
    let Some(&b) = s.first() else {
        return (Vec::new(), 0);
    };
    if b == b'i' {
        let x: &[u8] = if mode == Mode::Turkic {
            "İ".as_bytes()
        } else {
            b"I"
        };
        return (x.to_vec(), 1);
    }
    if let Some((taken, mapped)) = title().find(s) {
        return (mapped.map_or(taken, str::as_bytes).to_vec(), taken.len());
    }
    match decode(s) {
        Some((cp, n)) => {
            let cp = if (97..=122).contains(&cp) {
                cp - 32
            } else {
                cp
            };
            let mut buf = [0u8; 4];
            let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
            (c.encode_utf8(&mut buf).as_bytes().to_vec(), n)
        }
        None => (vec![b], 1),
    }
}
