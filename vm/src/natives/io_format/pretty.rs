//! `~p` and `~P`: OTP 25's `io_lib_pretty`, the Erlang term pretty printer.
//!
//! As there, a term is first measured into an intermediate form (each part with its
//! length in characters, containers cut at the print depth), then written on one line
//! when it fits before the line length, or else laid out by `pp`: list and tuple elements
//! continue on the line while they fit and are atomic, and otherwise go one to a line
//! under the first element; a tuple whose first element is an atom ("tagged") is indented
//! under its second element, or by a fixed amount when that is deeper than `cind` allows;
//! map pairs that do not fit put the value on its own line; long binaries break between
//! bytes. Records do not exist here (`io:format` passes no record definitions).

use super::write::{self, binary_items, BinItem, Enc, StrMode};
use crate::term::{map, Term, View};

/// The intermediate form: a part of the term and its length on one line.
pub struct If {
    kind: Kind,
    len: i64,
}

enum Kind {
    /// Text written as is; "atomic" for the layout (`?ATM`).
    Text(String),
    /// A binary written as bytes (`{bin, S}`), which may break between bytes.
    Bin(Vec<BinItem>),
    List(Vec<If>, Tail),
    Tuple(bool, Vec<If>, Tail),
    Map(Vec<If>, Tail),
    Pair(Box<If>, Box<If>),
}

/// How a sequence ends: `[]`, cut at the depth (`...`), or an improper tail.
enum Tail {
    Nil,
    Dots,
    Improper(Box<If>),
}

/// The rest of a sequence from some element on.
#[derive(Clone, Copy)]
struct Seq<'a> {
    items: &'a [If],
    tail: &'a Tail,
}

impl<'a> Seq<'a> {
    fn split(self) -> Option<(&'a If, Seq<'a>)> {
        let (first, rest) = self.items.split_first()?;
        Some((
            first,
            Seq {
                items: rest,
                tail: self.tail,
            },
        ))
    }
}

fn text(s: String) -> If {
    let len = s.chars().count() as i64;
    If {
        kind: Kind::Text(s),
        len,
    }
}

fn lit(s: &str) -> If {
    text(s.to_string())
}

impl If {
    fn atomic(&self) -> bool {
        matches!(self.kind, Kind::Text(_))
    }

    /// `?ATM_PAIR`.
    fn atomic_pair(&self) -> bool {
        match &self.kind {
            Kind::Pair(k, v) => k.atomic() && v.atomic(),
            _ => false,
        }
    }
}

/// Length of a sequence between brackets of `open` characters in all.
fn seq_len(items: &[If], tail: &Tail, open: i64) -> i64 {
    let mut n = open;
    for (i, e) in items.iter().enumerate() {
        n += e.len + i64::from(i > 0);
    }
    match tail {
        Tail::Nil => {}
        Tail::Dots => n += 3 + i64::from(!items.is_empty()),
        Tail::Improper(e) => n += e.len + 1,
    }
    n
}

fn latin1_printable(c: u32) -> bool {
    matches!(c, 32..=126 | 160..=255 | 8..=13 | 27)
}

/// A flat proper list of printable Latin-1 characters (`io_lib:printable_latin1_list`;
/// `io:printable_range()` is `latin1`, so `~tp` uses it too).
fn printable_list(t: Term) -> Option<Vec<u32>> {
    let mut codes = Vec::new();
    let mut l = t;
    while let Some((h, tl)) = l.cons() {
        let c = u32::try_from(h.as_small()?).ok()?;
        if !latin1_printable(c) {
            return None;
        }
        codes.push(c);
        l = tl;
    }
    l.is_nil().then_some(codes)
}

/// What `printable_bin` found: the whole binary or a prefix as text, `ascii` when each
/// character is one byte (no `/utf8`).
enum Printable {
    Whole { ascii: bool, chars: Vec<u32> },
    Prefix { ascii: bool, chars: Vec<u32> },
    No,
}

/// `printable_bin0/4` (no character limit).
fn printable_bin0(bytes: &[u8], d: i64, enc: Enc) -> Printable {
    let size = bytes.len() as i64;
    let len = if d >= 0 { (4 * d).min(size) } else { size };
    printable_bin(bytes, len, d, enc)
}

fn printable_bin(bytes: &[u8], len: i64, d: i64, enc: Enc) -> Printable {
    if len == 0 {
        return Printable::No;
    }
    if enc == Enc::Unicode && valid_utf8(bytes, len) {
        let mut i = len;
        let mut pos = 0usize;
        let mut chars = Vec::new();
        while i > 0 {
            let Some((c, n)) = decode_utf8(&bytes[pos..]) else {
                break;
            };
            if !latin1_printable(c as u32) {
                break;
            }
            chars.push(c as u32);
            pos += n;
            i -= 1;
        }
        if pos == bytes.len() {
            return Printable::Whole {
                ascii: bytes.len() == chars.len(),
                chars,
            };
        }
        if d > 0 && len - i >= d {
            return Printable::Prefix {
                ascii: pos == chars.len(),
                chars,
            };
        }
        return Printable::No;
    }
    let size = bytes.len() as i64;
    let to_chars = |n: i64| bytes[..n as usize].iter().map(|&b| u32::from(b)).collect();
    let n = len.min(20);
    let bad = bytes[..n as usize]
        .iter()
        .position(|&b| !latin1_printable(u32::from(b)));
    match bad {
        None if n == size => Printable::Whole {
            ascii: true,
            chars: to_chars(n),
        },
        None if n == len => Printable::Prefix {
            ascii: true,
            chars: to_chars(n),
        },
        None => {
            let bad = bytes[n as usize..len as usize]
                .iter()
                .position(|&b| !latin1_printable(u32::from(b)));
            match bad {
                None if size == len => Printable::Whole {
                    ascii: true,
                    chars: to_chars(size),
                },
                None if d > 0 && len >= d => Printable::Prefix {
                    ascii: true,
                    chars: to_chars(len),
                },
                Some(k) if d > 0 && n + k as i64 >= d => Printable::Prefix {
                    ascii: true,
                    chars: to_chars(n + k as i64),
                },
                _ => Printable::No,
            }
        }
        Some(k) if d > 0 && k as i64 >= d => Printable::Prefix {
            ascii: true,
            chars: to_chars(k as i64),
        },
        Some(_) => Printable::No,
    }
}

/// The code point at the start of `bytes` and its size, if it is valid UTF-8.
fn decode_utf8(bytes: &[u8]) -> Option<(char, usize)> {
    let n = match *bytes.first()? {
        0..=0x7F => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let c = std::str::from_utf8(bytes.get(..n)?).ok()?.chars().next()?;
    Some((c, n))
}

/// The first `n` characters of `bytes` are valid UTF-8 (or it ends before).
fn valid_utf8(bytes: &[u8], mut n: i64) -> bool {
    let mut pos = 0;
    loop {
        if pos == bytes.len() || n == 0 {
            return true;
        }
        match decode_utf8(&bytes[pos..]) {
            Some((_, k)) => pos += k,
            None => return false,
        }
        n -= 1;
    }
}

/// `print_length/6`: the intermediate form of `t` at depth `d` (-1: unlimited).
fn print_length(t: Term, d: i64, enc: Enc, strings: bool) -> If {
    match t.view() {
        View::Nil => lit("[]"),
        View::Tuple([]) => lit("{}"),
        View::Map(m) if map::size(m) == 0 => lit("#{}"),
        View::Atom(a) => {
            let mut s = String::new();
            write::write_atom(a.name(), enc, &mut s);
            text(s)
        }
        View::Cons(..) => {
            if strings && d != 1 {
                if let Some(codes) = printable_list(t) {
                    let mode = match enc {
                        Enc::Latin1 => StrMode::Latin1,
                        Enc::Unicode => StrMode::Unicode,
                    };
                    let mut s = String::new();
                    write::write_string(&codes, 34, mode, &mut s);
                    return text(s);
                }
            }
            let mut items = Vec::new();
            let mut l = t;
            let mut d = d;
            let tail = loop {
                if l.is_nil() {
                    break Tail::Nil;
                }
                if d == 1 {
                    break Tail::Dots;
                }
                match l.cons() {
                    Some((h, tl)) => {
                        items.push(print_length(h, d - 1, enc, strings));
                        l = tl;
                        d -= 1;
                    }
                    None => break Tail::Improper(Box::new(print_length(l, d - 1, enc, strings))),
                }
            };
            let len = seq_len(&items, &tail, 2);
            If {
                kind: Kind::List(items, tail),
                len,
            }
        }
        View::Tuple(elems) => {
            if d == 1 {
                return lit("{...}");
            }
            let mut items = Vec::new();
            let mut tail = Tail::Nil;
            let mut d = d;
            for &e in elems {
                if d == 1 {
                    tail = Tail::Dots;
                    break;
                }
                items.push(print_length(e, d - 1, enc, strings));
                d -= 1;
            }
            let tagged = elems[0].as_atom().is_some() && elems.len() > 1;
            let len = seq_len(&items, &tail, 2);
            If {
                kind: Kind::Tuple(tagged, items, tail),
                len,
            }
        }
        View::Map(m) => {
            if d == 1 {
                return lit("#{...}");
            }
            let d0 = d - 1;
            let mut d = d;
            let mut items = Vec::new();
            let mut tail = Tail::Nil;
            for (k, v) in map::sorted_pairs(m) {
                if d == 1 {
                    tail = Tail::Dots;
                    break;
                }
                let k = print_length(k, d0, enc, strings);
                let v = print_length(v, d0, enc, strings);
                let len = k.len + 4 + v.len;
                items.push(If {
                    kind: Kind::Pair(Box::new(k), Box::new(v)),
                    len,
                });
                d -= 1;
            }
            let len = seq_len(&items, &tail, 3);
            If {
                kind: Kind::Map(items, tail),
                len,
            }
        }
        View::Bits(b) if b.bit_size == 0 => lit("<<>>"),
        View::Bits(_) if d == 1 => lit("<<...>>"),
        View::Bits(b) => {
            if strings && b.is_binary() {
                let bytes: Vec<u8> = (0..b.byte_len()).map(|i| b.byte(i)).collect();
                let found = match printable_bin0(&bytes, d - 1, enc) {
                    Printable::Whole { ascii, chars } => Some((ascii, chars, false)),
                    Printable::Prefix { ascii, chars } => Some((ascii, chars, true)),
                    Printable::No => None,
                };
                if let Some((ascii, chars, prefix)) = found {
                    let mut s = String::from("<<");
                    write::write_string(&chars, 34, StrMode::Unicode, &mut s);
                    s.push_str(match (ascii, prefix) {
                        (true, false) => ">>",
                        (false, false) => "/utf8>>",
                        (true, true) => "...>>",
                        (false, true) => "/utf8...>>",
                    });
                    return text(s);
                }
            }
            let items = binary_items(&b, d);
            let len = 4 + items.iter().map(BinItem::len).sum::<i64>() + items.len() as i64 - 1;
            If {
                kind: Kind::Bin(items),
                len,
            }
        }
        _ => {
            let mut s = String::new();
            write::write(t, -1, Enc::Latin1, &mut s);
            text(s)
        }
    }
}

// ----- writing on one line ----------------------------------------------------------

fn write_if(f: &If, out: &mut String) {
    match &f.kind {
        Kind::Text(s) => out.push_str(s),
        Kind::Bin(items) => write::binary_text(items, out),
        Kind::List(items, tail) => {
            out.push('[');
            write_seq(items, tail, '|', out);
            out.push(']');
        }
        Kind::Tuple(_, items, tail) => {
            out.push('{');
            write_seq(items, tail, ',', out);
            out.push('}');
        }
        Kind::Map(items, tail) => {
            out.push_str("#{");
            write_seq(items, tail, ',', out);
            out.push('}');
        }
        Kind::Pair(k, v) => {
            write_if(k, out);
            out.push_str(" => ");
            write_if(v, out);
        }
    }
}

fn write_seq(items: &[If], tail: &Tail, sep: char, out: &mut String) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_if(e, out);
    }
    match tail {
        Tail::Nil => {}
        Tail::Dots if items.is_empty() => out.push_str("..."),
        Tail::Dots => {
            out.push(sep);
            out.push_str("...");
        }
        Tail::Improper(e) => {
            out.push(sep);
            write_if(e, out);
        }
    }
}

fn written(f: &If) -> String {
    let mut s = String::new();
    write_if(f, &mut s);
    s
}

// ----- the layout ---------------------------------------------------------------------

/// The line length, the most characters on a line (`M`: the whole length) and the
/// indentation of tagged tuples' elements (`TInd`), fixed for one term.
struct Layout {
    ll: i64,
    m: i64,
    tind: i64,
}

fn spaces(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push(' ');
    }
}

fn newline(out: &mut String, ind: i64) {
    out.push('\n');
    spaces(out, ind);
}

fn last_depth(rest: Seq<'_>, ld: i64) -> i64 {
    if rest.items.is_empty() {
        ld + 1
    } else {
        0
    }
}

impl Layout {
    /// `E` fits after `,` at column `col`, given `w` characters already on the line.
    // The conditions are written as in `io_lib_pretty`, for comparison.
    #[allow(clippy::int_plus_one)]
    fn tail_fits(&self, e: &If, col: i64, ld1: i64, w: i64, atomic: bool) -> bool {
        let elen = 1 + e.len;
        atomic
            && if ld1 == 0 {
                elen + 1 < self.ll - col && w + elen + 1 <= self.m
            } else {
                elen < self.ll - col - ld1 && w + elen + ld1 <= self.m
            }
    }

    fn fits(&self, f: &If, col: i64, ld: i64, w: i64) -> bool {
        f.len < self.ll - col - ld && f.len + w + ld <= self.m
    }

    fn pp(&self, f: &If, col: i64, ind: i64, ld: i64, w: i64, out: &mut String) {
        if self.fits(f, col, ld, w) {
            write_if(f, out);
            return;
        }
        match &f.kind {
            Kind::List(items, tail) => {
                out.push('[');
                let seq = Seq { items, tail };
                self.pp_list(seq, col + 1, ind + 1, ld, '|', w + 1, out);
                out.push(']');
            }
            Kind::Tuple(true, items, tail) => {
                out.push('{');
                self.pp_tag_tuple(Seq { items, tail }, col, ind, ld, w + 1, out);
                out.push('}');
            }
            Kind::Tuple(false, items, tail) => {
                out.push('{');
                let seq = Seq { items, tail };
                self.pp_list(seq, col + 1, ind + 1, ld, ',', w + 1, out);
                out.push('}');
            }
            Kind::Map(items, tail) => {
                out.push_str("#{");
                self.pp_map(Seq { items, tail }, col + 2, ind + 2, ld, w + 1, out);
                out.push('}');
            }
            Kind::Bin(items) => self.pp_binary(items, col + 2, ind + 2, ld, w, out),
            Kind::Text(_) | Kind::Pair(..) => write_if(f, out),
        }
    }

    fn pp_tag_tuple(&self, seq: Seq<'_>, col: i64, ind: i64, ld: i64, w: i64, out: &mut String) {
        let Some((tag, rest)) = seq.split() else {
            return;
        };
        let tlen = tag.len;
        let tag_ind = tlen + 2;
        let tcol = col + tag_ind;
        write_if(tag, out);
        if self.tind > 0 && tag_ind > self.tind {
            let col1 = col + self.tind;
            let indent = ind + self.tind;
            self.pp_tail(rest, col1, tcol, indent, ld, ',', w + tlen, out);
        } else {
            out.push(',');
            self.pp_list(rest, tcol, ind + tag_ind, ld, ',', w + tlen + 1, out);
        }
    }

    /// Returns the width the element takes on its line (`Ll` when it broke lines).
    fn pp_element(&self, e: &If, col: i64, ind: i64, ld: i64, w: i64, out: &mut String) -> i64 {
        if self.fits(e, col, ld, w) && e.atomic() {
            write_if(e, out);
            e.len
        } else {
            self.pp(e, col, ind, ld, w, out);
            self.ll
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn pp_list(
        &self,
        seq: Seq<'_>,
        col0: i64,
        ind: i64,
        ld: i64,
        sep: char,
        w: i64,
        out: &mut String,
    ) {
        let Some((e, rest)) = seq.split() else {
            // Only `...` is left (a list cut at depth 1).
            out.push_str("...");
            return;
        };
        let we = self.pp_element(e, col0, ind, last_depth(rest, ld), w, out);
        self.pp_tail(rest, col0, col0 + we, ind, ld, sep, w + we, out);
    }

    #[allow(clippy::too_many_arguments)]
    fn pp_tail(
        &self,
        mut seq: Seq<'_>,
        col0: i64,
        mut col: i64,
        ind: i64,
        ld: i64,
        sep: char,
        mut w: i64,
        out: &mut String,
    ) {
        while let Some((e, rest)) = seq.split() {
            let ld1 = last_depth(rest, ld);
            let elen = 1 + e.len;
            if self.tail_fits(e, col, ld1, w, e.atomic()) {
                out.push(',');
                write_if(e, out);
                col += elen;
                w += elen;
            } else {
                out.push(',');
                newline(out, ind);
                let we = self.pp_element(e, col0, ind, ld1, 0, out);
                col = col0 + we;
                w = we;
            }
            seq = rest;
        }
        match seq.tail {
            Tail::Nil => {}
            Tail::Dots => {
                out.push(sep);
                out.push_str("...");
            }
            Tail::Improper(e) => {
                let len = e.len;
                out.push(sep);
                if len + 1 < self.ll - col - (ld + 1)
                    && len + 1 + w + (ld + 1) <= self.m
                    && e.atomic()
                {
                    write_if(e, out);
                } else {
                    newline(out, ind);
                    self.pp(e, col0, ind, ld + 1, 0, out);
                }
            }
        }
    }

    fn pp_map(&self, seq: Seq<'_>, col: i64, ind: i64, ld: i64, w: i64, out: &mut String) {
        let Some((p, mut rest)) = seq.split() else {
            if matches!(seq.tail, Tail::Dots) {
                out.push_str("...");
            }
            return;
        };
        let pw = self.pp_pair(p, col, ind, last_depth(rest, ld), w, out);
        // As in `pp_pairs_tail/9`: the width so far restarts at the first pair's.
        let col0 = col;
        let mut col = col + pw;
        let mut w = pw;
        while let Some((p, next)) = rest.split() {
            let ld1 = last_depth(next, ld);
            let elen = 1 + p.len;
            if self.tail_fits(p, col, ld1, w, p.atomic_pair()) {
                out.push(',');
                write_if(p, out);
                col += elen;
                w += elen;
            } else {
                out.push(',');
                newline(out, ind);
                let pw = self.pp_pair(p, col0, ind, ld1, 0, out);
                col = col0 + pw;
                w = pw;
            }
            rest = next;
        }
        if matches!(rest.tail, Tail::Dots) {
            out.push_str(",...");
        }
    }

    fn pp_pair(&self, p: &If, col: i64, ind0: i64, ld: i64, w: i64, out: &mut String) -> i64 {
        if self.fits(p, col, ld, w) {
            write_if(p, out);
            return if p.atomic_pair() { p.len } else { self.ll };
        }
        let Kind::Pair(k, v) = &p.kind else {
            write_if(p, out);
            return self.ll;
        };
        let i = map_value_indent(self.tind);
        let ind = ind0 + i;
        self.pp(k, col, ind0, ld, w, out);
        out.push_str(" =>");
        newline(out, ind);
        self.pp(v, col + i, ind, ld, 0, out);
        self.ll
    }

    fn pp_binary(&self, items: &[BinItem], col: i64, ind: i64, ld: i64, w: i64, out: &mut String) {
        let n0 = ((self.ll - col).min(self.m - 4 - w) - ld).max(8);
        let mut n = n0;
        out.push_str("<<");
        let last = items.len().saturating_sub(1);
        for (i, item) in items.iter().enumerate() {
            let len = item.len();
            if i < last {
                if n - (len + 1) < 0 {
                    newline(out, ind);
                    n = n0 - (len + 1);
                } else {
                    n -= len + 1;
                }
                item.push_to(out);
                out.push(',');
            } else {
                if len > n {
                    newline(out, ind);
                }
                item.push_to(out);
            }
        }
        out.push_str(">>");
    }

    // ----- `cind`: can tagged tuples be indented by `ind`? -------------------------

    fn cind(&self, f: &If, col: i64, ind: i64, ld: i64, w: i64) -> Result<i64, ()> {
        if self.fits(f, col, ld, w) {
            return Ok(ind);
        }
        match &f.kind {
            Kind::List(items, tail) | Kind::Tuple(false, items, tail) => {
                self.cind_list(Seq { items, tail }, col + 1, ind, ld, w + 1)
            }
            Kind::Tuple(true, items, tail) => {
                self.cind_tag_tuple(Seq { items, tail }, col, ind, ld, w + 1)
            }
            Kind::Map(items, tail) => self.cind_map(Seq { items, tail }, col + 2, ind, ld, w + 2),
            _ => Ok(ind),
        }
    }

    fn cind_tag_tuple(&self, seq: Seq<'_>, col: i64, ind: i64, ld: i64, w: i64) -> Result<i64, ()> {
        let Some((tag, rest)) = seq.split() else {
            return Ok(ind);
        };
        let tlen = tag.len;
        let tag_ind = tlen + 2;
        let tcol = col + tag_ind;
        let ll = self.ll;
        if ind > 0 && tag_ind > ind {
            let col1 = col + ind;
            if self.m + col1 <= ll || col1 <= ll / 2 {
                self.cind_tail(rest, col1, tcol, ind, ld, w + tlen)
            } else {
                Err(())
            }
        } else if self.m + tcol < ll || tcol < ll / 2 {
            self.cind_list(rest, tcol, ind, ld, w + tlen + 1)
        } else {
            Err(())
        }
    }

    fn cind_map(&self, seq: Seq<'_>, col: i64, ind: i64, ld: i64, w: i64) -> Result<i64, ()> {
        let Some((p, mut rest)) = seq.split() else {
            return Ok(ind);
        };
        let pw = self.cind_pair(p, col, ind, last_depth(rest, ld), w)?;
        let col0 = col;
        let mut col = col + pw;
        let mut w = w + pw;
        while let Some((p, next)) = rest.split() {
            let ld1 = last_depth(next, ld);
            let elen = 1 + p.len;
            if self.tail_fits(p, col, ld1, w, p.atomic_pair()) {
                col += elen;
                w += elen;
            } else {
                let pw = self.cind_pair(p, col0, ind, ld1, 0)?;
                col = col0 + pw;
                w = pw;
            }
            rest = next;
        }
        Ok(ind)
    }

    fn cind_pair(&self, p: &If, col: i64, ind: i64, ld: i64, w: i64) -> Result<i64, ()> {
        if self.fits(p, col, ld, w) {
            return Ok(if p.atomic_pair() { p.len } else { self.ll });
        }
        if let Kind::Pair(k, v) = &p.kind {
            self.cind(k, col, ind, ld, w)?;
            self.cind(v, col + map_value_indent(ind), ind, ld, 0)?;
        }
        Ok(self.ll)
    }

    fn cind_list(&self, seq: Seq<'_>, col0: i64, ind: i64, ld: i64, w: i64) -> Result<i64, ()> {
        let Some((e, rest)) = seq.split() else {
            return Ok(ind);
        };
        let we = self.cind_element(e, col0, ind, last_depth(rest, ld), w)?;
        self.cind_tail(rest, col0, col0 + we, ind, ld, w + we)
    }

    fn cind_tail(
        &self,
        mut seq: Seq<'_>,
        col0: i64,
        mut col: i64,
        ind: i64,
        ld: i64,
        mut w: i64,
    ) -> Result<i64, ()> {
        while let Some((e, rest)) = seq.split() {
            let ld1 = last_depth(rest, ld);
            let elen = 1 + e.len;
            if self.tail_fits(e, col, ld1, w, e.atomic()) {
                col += elen;
                w += elen;
            } else {
                let we = self.cind_element(e, col0, ind, ld1, 0)?;
                col = col0 + we;
                w = we;
            }
            seq = rest;
        }
        match seq.tail {
            Tail::Improper(e) => {
                let len = e.len;
                if len + 1 < self.ll - col - (ld + 1)
                    && len + 1 + w + (ld + 1) <= self.m
                    && e.atomic()
                {
                    Ok(ind)
                } else {
                    self.cind(e, col, ind, ld + 1, 0)
                }
            }
            _ => Ok(ind),
        }
    }

    fn cind_element(&self, e: &If, col: i64, ind: i64, ld: i64, w: i64) -> Result<i64, ()> {
        if self.fits(e, col, ld, w) && e.atomic() {
            return Ok(e.len);
        }
        self.cind(e, col, ind, ld, w)?;
        Ok(self.ll)
    }
}

fn map_value_indent(tind: i64) -> i64 {
    if tind > 0 {
        tind
    } else {
        4
    }
}

/// `io_lib_pretty:print/9` without records or a character limit: `t` printed from column
/// `col` (1-based) with lines of `ll` characters, to depth `depth` (-1: unlimited).
pub fn print(t: Term, col: i64, ll: i64, depth: i64, enc: Enc, strings: bool) -> String {
    if depth == 0 {
        return "...".to_string();
    }
    let col = col.max(1);
    match t.view() {
        View::Atom(a) => {
            let mut s = String::new();
            write::write_atom(a.name(), enc, &mut s);
            s
        }
        View::Tuple(_) | View::Cons(..) | View::Nil | View::Map(_) | View::Bits(_) => {
            let f = print_length(t, depth, enc, strings);
            let len = f.len;
            if ll == 0 || len < ll - col {
                return written(&f);
            }
            let mut layout = Layout {
                ll,
                m: len,
                tind: 0,
            };
            layout.tind = [-1, 4]
                .into_iter()
                .find_map(|i| layout.cind(&f, col, i, 0, 0).ok())
                .unwrap_or(1);
            let mut out = String::new();
            layout.pp(&f, col, col - 1, 0, 0, &mut out);
            out
        }
        _ => {
            let mut s = String::new();
            write::write(t, -1, Enc::Latin1, &mut s);
            s
        }
    }
}
