//! Binaries: sizes, parts, conversions to and from lists and iolists, and the basic
//! `:binary` functions (`part`, `copy`, `first`, `last`, `at`, `split`, `match`,
//! `matches`).
//!
//! Parts of a binary are sub-binaries of it (no copy), as on the BEAM. Iolists are walked
//! with an explicit stack, so a deeply nested or very long one is fine.

use std::borrow::Cow;

use super::{args, list_vec, small, usize_of, MAX_BUILD_LEN};
use crate::binary::{self, Bits};
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::Term;

/// The bits of a bitstring, or `badarg`.
fn bits_of<'a>(t: Term) -> Result<Bits<'a>, Raise> {
    binary::bits(t).ok_or_else(Raise::badarg)
}

/// The bytes of a bitstring's whole bytes (all of them for a binary), borrowed when the
/// window is byte-aligned.
fn whole_bytes<'a>(b: &Bits<'a>) -> Cow<'a, [u8]> {
    let n = b.bit_size / 8;
    if b.bit_offset.is_multiple_of(8) {
        if let Some(s) = b.bytes.get(b.bit_offset / 8..b.bit_offset / 8 + n) {
            return Cow::Borrowed(s);
        }
    }
    Cow::Owned((0..n).map(|i| b.byte(i)).collect())
}

/// The bytes of a binary (a whole number of bytes), or `badarg`.
fn bin_bytes<'a>(t: Term) -> Result<Cow<'a, [u8]>, Raise> {
    let b = bits_of(t)?;
    if !b.is_binary() {
        return Err(Raise::badarg());
    }
    Ok(whole_bytes(&b))
}

/// A signed machine integer (small, or a bignum that fits), as the BEAM's `term_to_Sint`.
fn sint(t: Term) -> Option<i64> {
    t.as_small()
        .or_else(|| super::bigint_of(t).and_then(|n| i64::try_from(&n).ok()))
}

/// `byte_size/1`: rounded up for a bitstring.
pub fn byte_size(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    Ok(small(bits_of(t)?.byte_len()))
}

/// `bit_size/1`.
pub fn bit_size(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    Ok(small(bits_of(t)?.bit_size))
}

/// The byte range `pos, len` of `t` (a negative length counts back from `pos`) as a
/// sub-binary: `binary_part/3`, `binary:part/3`.
fn part(p: &mut Process, t: Term, pos: Term, len: Term) -> Result<Term, Raise> {
    let b = bits_of(t)?;
    let (Some(mut pos), Some(mut len)) = (sint(pos), sint(len)) else {
        return Err(Raise::badarg());
    };
    if len < 0 {
        len = len.checked_neg().ok_or_else(Raise::badarg)?;
        pos = pos.checked_sub(len).ok_or_else(Raise::badarg)?;
    }
    let end = pos.checked_add(len).ok_or_else(Raise::badarg)?;
    let size = (b.bit_size / 8) as i64;
    if pos < 0 || pos > size || end > size {
        return Err(Raise::badarg());
    }
    Ok(p.heap.sub_binary(t, 8 * pos as u64, 8 * len as u64))
}

fn part_tuple(p: &mut Process, t: Term, range: Term) -> Result<Term, Raise> {
    match range.tuple() {
        Some(&[pos, len]) => part(p, t, pos, len),
        _ => Err(Raise::badarg()),
    }
}

/// `binary_part/2`: `binary_part(bin, {pos, len})`.
pub fn binary_part2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, range] = args(a)?;
    part_tuple(p, t, range)
}

/// `binary_part/3`.
pub fn binary_part3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, pos, len] = args(a)?;
    part(p, t, pos, len)
}

/// `binary:part/2`.
pub fn part2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    binary_part2(p, a)
}

/// `binary:part/3`.
pub fn part3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    binary_part3(p, a)
}

/// `split_binary/2`: `{first pos bytes, the rest}`.
pub fn split_binary(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, pos] = args(a)?;
    let b = bits_of(t)?;
    let pos = usize_of(pos)
        .filter(|&n| n <= b.bit_size / 8)
        .ok_or_else(Raise::badarg)?;
    let cut = 8 * pos as u64;
    let left = p.heap.sub_binary(t, 0, cut);
    let right = p.heap.sub_binary(t, cut, b.bit_size as u64 - cut);
    Ok(p.heap.tuple(&[left, right]))
}

fn byte_list(p: &mut Process, bytes: &[u8], tail: Term) -> Term {
    let items: Vec<Term> = bytes.iter().map(|&b| small(b as usize)).collect();
    p.heap.improper_list(&items, tail)
}

/// `binary_to_list/1`: `badarg` for a bitstring that is not a binary.
pub fn binary_to_list(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let bytes = bin_bytes(t)?;
    Ok(byte_list(p, &bytes, Term::NIL))
}

/// `binary_to_list/3`: bytes `start..=stop`, 1-based.
pub fn binary_to_list3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, start, stop] = args(a)?;
    let b = bits_of(t)?;
    let size = b.bit_size / 8;
    let (Some(start), Some(stop)) = (usize_of(start), usize_of(stop)) else {
        return Err(Raise::badarg());
    };
    if start < 1 || start > stop || stop > size {
        return Err(Raise::badarg());
    }
    let bytes: Vec<u8> = (start - 1..stop).map(|i| b.byte(i)).collect();
    Ok(byte_list(p, &bytes, Term::NIL))
}

/// `bitstring_to_list/1`: the whole bytes, then the trailing bits as a bitstring.
pub fn bitstring_to_list(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let b = bits_of(t)?;
    let bytes = whole_bytes(&b);
    let rest = b.bit_size % 8;
    let tail = if rest == 0 {
        Term::NIL
    } else {
        let last = p
            .heap
            .sub_binary(t, (b.bit_size - rest) as u64, rest as u64);
        p.heap.cons(last, Term::NIL)
    };
    Ok(byte_list(p, &bytes, tail))
}

/// Bits being assembled.
#[derive(Default)]
struct BitBuf {
    bytes: Vec<u8>,
    bits: usize,
}

impl BitBuf {
    fn byte(&mut self, b: u8) {
        self.push_bits(b, 8);
    }

    /// The top `n` bits of `b`.
    fn push_bits(&mut self, b: u8, n: usize) {
        if n == 0 {
            return;
        }
        let r = self.bits % 8;
        if r == 0 {
            self.bytes
                .push(b & !(0xFFu8.checked_shr(n as u32).unwrap_or(0)));
        } else {
            let b = b & !(0xFFu8.checked_shr(n as u32).unwrap_or(0));
            if let Some(last) = self.bytes.last_mut() {
                *last |= b >> r;
            }
            if n > 8 - r {
                self.bytes.push(b << (8 - r));
            }
        }
        self.bits += n;
    }

    fn bitstring(&mut self, b: &Bits<'_>) {
        if self.bits.is_multiple_of(8) {
            if let Some(s) = b.as_bytes() {
                self.bytes.extend_from_slice(s);
                self.bits += 8 * s.len();
                return;
            }
        }
        let whole = b.bit_size / 8;
        for i in 0..whole {
            self.byte(b.byte(i));
        }
        self.push_bits(b.byte(whole), b.bit_size % 8);
    }

    fn into_term(self, p: &mut Process) -> Term {
        let t = p.heap.binary(&self.bytes);
        if self.bits.is_multiple_of(8) {
            t
        } else {
            p.heap.sub_binary(t, 0, self.bits as u64)
        }
    }
}

/// Walks an iolist (or, with `bits`, a bitstring list), handing each byte and each
/// bitstring to `out` in order. `Err(())` for anything else.
fn walk_iolist(t: Term, bits: bool, mut out: impl FnMut(Chunk<'_>)) -> Result<(), ()> {
    let mut stack = vec![t];
    while let Some(cur) = stack.pop() {
        if cur.is_nil() {
            continue;
        }
        if let Some((h, tail)) = cur.cons() {
            stack.push(tail);
            if let Some(i) = h.as_small() {
                let b = u8::try_from(i).map_err(|_| ())?;
                out(Chunk::Byte(b));
            } else if h.is_list() {
                stack.push(h);
            } else {
                let b = binary::bits(h).ok_or(())?;
                if !bits && !b.is_binary() {
                    return Err(());
                }
                out(Chunk::Bits(b));
            }
            continue;
        }
        // A tail that is not a list: only a binary (or bitstring) is allowed.
        let b = binary::bits(cur).ok_or(())?;
        if !bits && !b.is_binary() {
            return Err(());
        }
        out(Chunk::Bits(b));
    }
    Ok(())
}

enum Chunk<'a> {
    Byte(u8),
    Bits(Bits<'a>),
}

fn iolist_bits(p: &mut Process, t: Term, bits: bool) -> Result<Term, Raise> {
    let mut buf = BitBuf::default();
    walk_iolist(t, bits, |c| match c {
        Chunk::Byte(b) => buf.byte(b),
        Chunk::Bits(b) => buf.bitstring(&b),
    })
    .map_err(|_| Raise::badarg())?;
    Ok(buf.into_term(p))
}

/// `list_to_binary/1`: the argument must be a list.
pub fn list_to_binary(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    if !t.is_list() {
        return Err(Raise::badarg());
    }
    iolist_bits(p, t, false)
}

/// `list_to_bitstring/1`: like `list_to_binary/1`, bitstrings allowed anywhere.
pub fn list_to_bitstring(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    if !t.is_list() {
        return Err(Raise::badarg());
    }
    iolist_bits(p, t, true)
}

/// `iolist_to_binary/1`: a binary is returned as it is.
pub fn iolist_to_binary(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    if let Some(b) = binary::bits(t) {
        return if b.is_binary() {
            Ok(t)
        } else {
            Err(Raise::badarg())
        };
    }
    if !t.is_list() {
        return Err(Raise::badarg());
    }
    iolist_bits(p, t, false)
}

/// `iolist_size/1`.
pub fn iolist_size(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    if !t.is_list() && !t.is_bitstring() {
        return Err(Raise::badarg());
    }
    let mut n: u64 = 0;
    walk_iolist(t, false, |c| match c {
        Chunk::Byte(_) => n += 1,
        Chunk::Bits(b) => n += (b.bit_size / 8) as u64,
    })
    .map_err(|_| Raise::badarg())?;
    Ok(p.heap.int128(n as i128))
}

/// `binary:copy/1`.
pub fn copy1(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let bytes = bin_bytes(t)?;
    Ok(p.heap.binary(&bytes))
}

/// `binary:copy/2`: the binary repeated `n` times.
pub fn copy2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, n] = args(a)?;
    let bytes = bin_bytes(t)?;
    let n = usize_of(n).ok_or_else(Raise::badarg)?;
    let total = (bytes.len() as u64).saturating_mul(n as u64);
    if total > MAX_BUILD_LEN {
        return Err(Raise::system_limit());
    }
    let out = bytes.repeat(if bytes.is_empty() { 0 } else { n });
    Ok(p.heap.binary(&out))
}

/// `binary:first/1`.
pub fn first(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let bytes = bin_bytes(t)?;
    bytes
        .first()
        .map(|&b| small(b as usize))
        .ok_or_else(Raise::badarg)
}

/// `binary:last/1`.
pub fn last(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let bytes = bin_bytes(t)?;
    bytes
        .last()
        .map(|&b| small(b as usize))
        .ok_or_else(Raise::badarg)
}

/// `binary:at/2`, 0-based.
pub fn at(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, i] = args(a)?;
    let bytes = bin_bytes(t)?;
    usize_of(i)
        .and_then(|i| bytes.get(i))
        .map(|&b| small(b as usize))
        .ok_or_else(Raise::badarg)
}

// ----- searching ---------------------------------------------------------------------------

/// The patterns of `binary:split/match/matches`: one non-empty binary or a non-empty
/// list of them, or what `compile_pattern/1` made of them.
fn patterns(t: Term) -> Result<Vec<Vec<u8>>, Raise> {
    if let Some(&[tag, r]) = t.tuple() {
        if tag
            .as_atom()
            .is_some_and(|a| matches!(a.name(), "bm" | "ac"))
        {
            if let crate::term::View::MagicRef(res) = r.view() {
                if let Some(CompiledPattern(pats)) = res.value().downcast_ref() {
                    return Ok(pats.clone());
                }
            }
            return Err(Raise::badarg());
        }
    }
    let items = if t.is_list() {
        list_vec(t).ok_or_else(Raise::badarg)?
    } else {
        vec![t]
    };
    if items.is_empty() {
        return Err(Raise::badarg());
    }
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        let b = bin_bytes(i)?;
        if b.is_empty() {
            return Err(Raise::badarg());
        }
        out.push(b.into_owned());
    }
    Ok(out)
}

/// What `binary:compile_pattern/1` keeps in its reference: the validated patterns.
struct CompiledPattern(Vec<Vec<u8>>);

/// `binary:compile_pattern/1`: `{:bm, ref}` for one pattern, `{:ac, ref}` for several
/// (OTP's tags). OTP keeps a compiled matcher behind the reference; Beamlet keeps the
/// validated patterns there, and the searches take them as they take plain patterns.
pub fn compile_pattern(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [t] = args else {
        return Err(Raise::badarg());
    };
    if t.tuple().is_some() {
        return Err(Raise::badarg());
    }
    let pats = patterns(*t)?;
    let tag = if pats.len() > 1 { "ac" } else { "bm" };
    let tag = Term::atom(crate::atom::Atom::intern(tag).map_err(|_| Raise::badarg())?);
    let r = p
        .heap
        .magic_ref(crate::offheap::Resource::new(Box::new(CompiledPattern(
            pats,
        ))));
    Ok(p.heap.tuple(&[tag, r]))
}

/// The first match in `subject[from..end]`: the earliest start, the longest pattern there.
fn find(subject: &[u8], pats: &[Vec<u8>], from: usize, end: usize) -> Option<(usize, usize)> {
    let hay = subject.get(..end)?;
    if let [pat] = pats {
        if pat.len() > end.saturating_sub(from) {
            return None;
        }
        return hay
            .get(from..)?
            .windows(pat.len())
            .position(|w| w == pat.as_slice())
            .map(|i| (from + i, pat.len()));
    }
    (from..end).find_map(|pos| {
        let rest = hay.get(pos..)?;
        pats.iter()
            .filter(|p| rest.starts_with(p))
            .map(Vec::len)
            .max()
            .map(|len| (pos, len))
    })
}

/// Parsed options: global, trim, trim_all and the scope `[from, end)`.
struct Opts {
    global: bool,
    trim: bool,
    trim_all: bool,
    from: usize,
    end: usize,
}

/// Parses `binary:split/3` options (`split` true) or `binary:match/3` ones (only scope).
/// As in the BEAM, the walk stops at a non-list tail without complaint.
fn options(opts: Term, size: usize, split: bool) -> Result<Opts, Raise> {
    let mut o = Opts {
        global: false,
        trim: false,
        trim_all: false,
        from: 0,
        end: size,
    };
    if !opts.is_list() {
        return Err(Raise::badarg());
    }
    let mut l = opts;
    while let Some((t, rest)) = l.cons() {
        l = rest;
        if split {
            if let Some(a) = t.as_atom() {
                match a.name() {
                    "global" => {
                        o.global = true;
                        continue;
                    }
                    "trim" => {
                        o.trim = true;
                        continue;
                    }
                    "trim_all" => {
                        o.trim_all = true;
                        continue;
                    }
                    _ => {}
                }
            }
        }
        let (from, end) = scope(t, size).ok_or_else(Raise::badarg)?;
        o.from = from;
        o.end = end;
    }
    Ok(o)
}

/// `{:scope, {pos, len}}` (a negative length counts back from `pos`).
fn scope(t: Term, size: usize) -> Option<(usize, usize)> {
    let &[tag, range] = t.tuple()? else {
        return None;
    };
    if tag.as_atom()?.name() != "scope" {
        return None;
    }
    let &[pos, len] = range.tuple()? else {
        return None;
    };
    let mut pos = u64::try_from(sint(pos)?).ok()?;
    let mut len = sint(len)?;
    if len < 0 {
        len = len.checked_neg()?;
        pos = pos.checked_sub(len as u64)?;
    }
    let end = pos.checked_add(len as u64)?;
    if pos > size as u64 || end > size as u64 {
        return None;
    }
    Some((pos as usize, end as usize))
}

fn split(p: &mut Process, subject: Term, pattern: Term, opts: Term) -> Result<Term, Raise> {
    let bytes = bin_bytes(subject)?;
    let pats = patterns(pattern)?;
    let o = options(opts, bytes.len(), true)?;
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut from = o.from;
    while let Some((pos, len)) = find(&bytes, &pats, from, o.end) {
        parts.push((start, pos));
        start = pos + len;
        from = start;
        if !o.global {
            break;
        }
    }
    parts.push((start, bytes.len()));
    if o.trim_all {
        parts.retain(|&(s, e)| e > s);
    } else if o.trim {
        while parts.last().is_some_and(|&(s, e)| e == s) {
            parts.pop();
        }
    }
    let terms: Vec<Term> = parts
        .iter()
        .map(|&(s, e)| p.heap.sub_binary(subject, 8 * s as u64, 8 * (e - s) as u64))
        .collect();
    Ok(p.heap.list(&terms))
}

/// `binary:split/2`.
pub fn split2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [s, pat] = args(a)?;
    split(p, s, pat, Term::NIL)
}

/// `binary:split/3` (options `global`, `trim`, `trim_all`, `{scope, {pos, len}}`).
pub fn split3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [s, pat, opts] = args(a)?;
    split(p, s, pat, opts)
}

fn found(p: &mut Process, pos: usize, len: usize) -> Term {
    p.heap.tuple(&[small(pos), small(len)])
}

fn do_match(p: &mut Process, subject: Term, pattern: Term, opts: Term) -> Result<Term, Raise> {
    let bytes = bin_bytes(subject)?;
    let pats = patterns(pattern)?;
    let o = options(opts, bytes.len(), false)?;
    Ok(match find(&bytes, &pats, o.from, o.end) {
        Some((pos, len)) => found(p, pos, len),
        None => super::atom_term!("nomatch"),
    })
}

/// `binary:match/2`: `{pos, len}` of the first match, or `:nomatch`.
pub fn match2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [s, pat] = args(a)?;
    do_match(p, s, pat, Term::NIL)
}

/// `binary:match/3` (option `{scope, {pos, len}}`).
pub fn match3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [s, pat, opts] = args(a)?;
    do_match(p, s, pat, opts)
}

fn do_matches(p: &mut Process, subject: Term, pattern: Term, opts: Term) -> Result<Term, Raise> {
    let bytes = bin_bytes(subject)?;
    let pats = patterns(pattern)?;
    let o = options(opts, bytes.len(), false)?;
    let mut out = Vec::new();
    let mut from = o.from;
    while let Some((pos, len)) = find(&bytes, &pats, from, o.end) {
        out.push(found(p, pos, len));
        from = pos + len;
    }
    Ok(p.heap.list(&out))
}

/// `binary:matches/2`: every non-overlapping match, left to right.
pub fn matches2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [s, pat] = args(a)?;
    do_matches(p, s, pat, Term::NIL)
}

/// `binary:matches/3` (option `{scope, {pos, len}}`).
pub fn matches3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [s, pat, opts] = args(a)?;
    do_matches(p, s, pat, opts)
}

/// Parses `binary:replace/4` options: `global`, `{scope, {pos, len}}`,
/// `{insert_replaced, pos | [pos]}`.
fn replace_options(opts: Term, size: usize) -> Result<(bool, usize, usize, Vec<usize>), Raise> {
    let (mut global, mut from, mut end, mut insert) = (false, 0, size, Vec::new());
    let items = list_vec(opts).ok_or_else(Raise::badarg)?;
    for t in items {
        if t.as_atom().is_some_and(|a| a.name() == "global") {
            global = true;
        } else if let Some(&[tag, v]) = t.tuple() {
            if tag.as_atom().is_some_and(|a| a.name() == "insert_replaced") {
                let ps = if v.is_list() {
                    list_vec(v).ok_or_else(Raise::badarg)?
                } else {
                    vec![v]
                };
                for x in ps {
                    insert.push(
                        sint(x)
                            .and_then(|i| usize::try_from(i).ok())
                            .ok_or_else(Raise::badarg)?,
                    );
                }
            } else {
                (from, end) = scope(t, size).ok_or_else(Raise::badarg)?;
            }
        } else {
            return Err(Raise::badarg());
        }
    }
    Ok((global, from, end, insert))
}

fn replace(
    p: &mut Process,
    subject: Term,
    pattern: Term,
    with: Term,
    opts: Term,
) -> Result<Term, Raise> {
    let bytes = bin_bytes(subject)?;
    let pats = patterns(pattern)?;
    let replacement = bin_bytes(with)?;
    let (global, from0, end, insert) = replace_options(opts, bytes.len())?;
    if insert.iter().any(|&i| i > replacement.len()) {
        return Err(Raise::badarg());
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut start = 0;
    let mut from = from0;
    while let Some((pos, len)) = find(&bytes, &pats, from, end) {
        out.extend_from_slice(&bytes[start..pos]);
        let matched = &bytes[pos..pos + len];
        // The replacement, with the matched part inserted at each position.
        let mut last = 0;
        let mut points = insert.clone();
        points.sort_unstable();
        for i in points {
            out.extend_from_slice(&replacement[last..i]);
            out.extend_from_slice(matched);
            last = i;
        }
        out.extend_from_slice(&replacement[last..]);
        start = pos + len;
        from = start;
        if !global {
            break;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    Ok(p.heap.binary(&out))
}

/// `binary:replace/3`.
pub fn replace3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [s, pat, with] = args(a)?;
    replace(p, s, pat, with, Term::NIL)
}

/// `binary:replace/4` (options `global`, `{scope, ...}`, `{insert_replaced, ...}`).
pub fn replace4(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [s, pat, with, opts] = args(a)?;
    replace(p, s, pat, with, opts)
}

fn endian_little(t: Term) -> Result<bool, Raise> {
    match t.as_atom().map(|a| a.name()) {
        Some("big") => Ok(false),
        Some("little") => Ok(true),
        _ => Err(Raise::badarg()),
    }
}

fn decode_unsigned(p: &mut Process, b: Term, little: bool) -> Result<Term, Raise> {
    let bytes = bin_bytes(b)?;
    let sign = num_bigint::Sign::Plus;
    let n = if little {
        num_bigint::BigInt::from_bytes_le(sign, &bytes)
    } else {
        num_bigint::BigInt::from_bytes_be(sign, &bytes)
    };
    Ok(p.heap.bigint(&n))
}

/// `binary:decode_unsigned/1`.
pub fn decode_unsigned1(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [b] = args(a)?;
    decode_unsigned(p, b, false)
}

/// `binary:decode_unsigned/2`.
pub fn decode_unsigned2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [b, e] = args(a)?;
    let little = endian_little(e)?;
    decode_unsigned(p, b, little)
}

fn encode_unsigned(p: &mut Process, n: Term, little: bool) -> Result<Term, Raise> {
    let big = match n.as_small() {
        Some(i) => num_bigint::BigInt::from(i),
        None => crate::term::bignum::to_bigint(n).ok_or_else(Raise::badarg)?,
    };
    if big.sign() == num_bigint::Sign::Minus {
        return Err(Raise::badarg());
    }
    let (_, mut bytes) = big.to_bytes_be();
    if bytes.is_empty() {
        bytes.push(0);
    }
    if little {
        bytes.reverse();
    }
    Ok(p.heap.binary(&bytes))
}

/// `binary:encode_unsigned/1`.
pub fn encode_unsigned1(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [n] = args(a)?;
    encode_unsigned(p, n, false)
}

/// `binary:encode_unsigned/2`.
pub fn encode_unsigned2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [n, e] = args(a)?;
    let little = endian_little(e)?;
    encode_unsigned(p, n, little)
}
