//! Building and matching bitstrings, segment by segment (`bs_build`, `bs_get`,
//! `bs_skip_prefix`).

use beamlet_bytecode::instr::seg;
use num_bigint::{BigInt, Sign};
use smallvec::SmallVec;

use crate::binary::{self, Bits};
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::{bignum, Term, View};

/// Bits being written, most significant first. Most constructions are short: they stay
/// on the stack.
#[derive(Default)]
struct Writer {
    bytes: SmallVec<[u8; 64]>,
    bits: usize,
}

impl Writer {
    /// Appends the first `n` bits of `src` (most significant first).
    fn push(&mut self, src: &[u8], n: usize) {
        if self.bits.is_multiple_of(8) && n.is_multiple_of(8) {
            self.bytes.extend_from_slice(&src[..n / 8]);
            self.bits += n;
            return;
        }
        for i in 0..n {
            self.push_bit((src[i / 8] >> (7 - i % 8)) & 1);
        }
    }

    fn push_bit(&mut self, bit: u8) {
        if self.bits.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if bit == 1 {
            let last = self.bytes.len() - 1;
            self.bytes[last] |= 0x80 >> (self.bits % 8);
        }
        self.bits += 1;
    }

    /// Appends the low `n <= 64` bits of `v`, most significant first.
    fn push_uint(&mut self, v: u64, n: usize) {
        debug_assert!(n <= 64);
        if self.bits.is_multiple_of(8) && n.is_multiple_of(8) {
            for i in (0..n / 8).rev() {
                self.bytes.push((v >> (8 * i)) as u8);
            }
            self.bits += n;
            return;
        }
        for i in (0..n).rev() {
            self.push_bit(((v >> i) & 1) as u8);
        }
    }

    fn push_window(&mut self, b: &Bits<'_>, n: usize) {
        if self.bits.is_multiple_of(8) && b.bit_offset.is_multiple_of(8) && n.is_multiple_of(8) {
            let start = b.bit_offset / 8;
            self.bytes.extend_from_slice(&b.bytes[start..start + n / 8]);
            self.bits += n;
            return;
        }
        let bytes: SmallVec<[u8; 64]> = (0..n.div_ceil(8)).map(|i| b.byte(i)).collect();
        self.push(&bytes, n);
    }
}

fn flag_at(spec: Term, i: usize) -> u32 {
    spec.tuple()
        .and_then(|t| t.get(i))
        .and_then(|t| t.as_small())
        .unwrap_or(0) as u32
}

/// The low `n` bits of a word (`n <= 64`).
fn mask(n: usize) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1 << n) - 1
    }
}

/// The `n <= 64` bits, first bit most significant, that an integer segment of `n` bits
/// holds for the value `v` (its low `n` bits). Big endian: the bits themselves. Little
/// endian, as the BEAM lays it out: the whole bytes from the least significant one, then
/// the remaining `n mod 8` high bits (`<<1::9-little>>` is `<<1, 0::1>>`).
fn to_stream(v: u64, n: usize, little: bool) -> u64 {
    let v = v & mask(n);
    if !little {
        return v;
    }
    let (full, r) = (n / 8, n % 8);
    let mut out = 0u64;
    for i in 0..full {
        out = (out << 8) | ((v >> (8 * i)) & 0xff);
    }
    if r > 0 {
        out = (out << r) | (v >> (8 * full));
    }
    out
}

/// The value of the `n <= 64` bits `s` of an integer segment: the inverse of
/// [`to_stream`].
fn from_stream(s: u64, n: usize, little: bool) -> u64 {
    if !little {
        return s;
    }
    let (full, r) = (n / 8, n % 8);
    let mut v = if r > 0 {
        (s & mask(r)) << (8 * full)
    } else {
        0
    };
    for i in 0..full {
        v |= ((s >> (r + 8 * (full - 1 - i))) & 0xff) << (8 * i);
    }
    v
}

/// Writes an integer of any size as an `n`-bit segment (two's complement, modulo 2^n).
fn push_big_int(w: &mut Writer, v: Term, n: usize, little: bool) -> Option<()> {
    let big: BigInt = match v.view() {
        View::Small(i) => BigInt::from(i),
        View::Big { .. } => bignum::to_bigint(v)?,
        _ => return None,
    };
    let modulus = BigInt::from(1) << n;
    let mut x = big % &modulus;
    if x.sign() == Sign::Minus {
        x += &modulus;
    }
    // The value's bytes from the least significant, padded to the bytes the n bits span.
    let (_, mut le) = x.to_bytes_le();
    le.resize(n.div_ceil(8), 0);
    let (full, r) = (n / 8, n % 8);
    if little {
        w.push(&le[..full], 8 * full);
        if r > 0 {
            w.push_uint(le[full] as u64, r);
        }
    } else {
        // The high r bits first, then the whole bytes from the most significant.
        if r > 0 {
            w.push_uint(le[full] as u64, r);
        }
        for &b in le[..full].iter().rev() {
            w.push_uint(b as u64, 8);
        }
    }
    Some(())
}

/// Reads an integer segment of `n > 64` bits from the front of `b`.
fn read_big_int(b: &Bits<'_>, n: usize, little: bool, signed: bool) -> BigInt {
    let (full, r) = (n / 8, n % 8);
    // The value's bytes from the least significant.
    let mut le: Vec<u8> = Vec::with_capacity(full + 1);
    if little {
        le.extend((0..full).map(|i| b.read_uint(8 * i, 8) as u8));
        if r > 0 {
            le.push(b.read_uint(8 * full, r) as u8);
        }
    } else {
        le.extend((0..full).rev().map(|i| b.read_uint(r + 8 * i, 8) as u8));
        if r > 0 {
            le.push(b.read_uint(0, r) as u8);
        }
    }
    let v = BigInt::from_bytes_le(Sign::Plus, &le);
    if signed && v.bit(n as u64 - 1) {
        v - (BigInt::from(1) << n)
    } else {
        v
    }
}

/// A segment's size in bits: `None` for the default (the size term is `nil`), `Err` for a
/// size that is not a non-negative integer.
fn size_of(size: Term, unit: usize) -> Result<Option<usize>, Fail> {
    if size.as_atom() == Some(crate::atom::NIL) {
        return Ok(None);
    }
    match size.as_small() {
        Some(s) if s >= 0 => Ok(Some(s as usize * unit)),
        _ => Err(("size", size)),
    }
}

/// Why a segment cannot be built, as OTP 25 says it in the `cause` of the error info
/// (`erl_erts_errors:format_bs_fail/2`): `type`, `size`, `short`, `unit`, `invalid`,
/// `no_float`, and the value it is about.
type Fail = (&'static str, Term);

/// The segment type named in OTP's cause (`bits` segments are `binary` there).
fn type_name(flags: u32) -> &'static str {
    match flags & seg::TYPE_MASK {
        seg::INTEGER => "integer",
        seg::FLOAT => "float",
        seg::BINARY | seg::BITSTRING => "binary",
        seg::UTF8 => "utf8",
        seg::UTF16 => "utf16",
        _ => "utf32",
    }
}

/// `badarg`, with the error info the BEAM puts in the raising function's stack-trace
/// entry for a failed construction: `%{cause: {segment, type, error, value}, function:
/// :format_bs_fail, module: :erl_erts_errors}`.
fn bs_fail(p: &mut Process, segment: usize, flags: u32, (error, value): Fail) -> Raise {
    let atom = |name: &str| crate::atom::Atom::intern(name).map_or(Term::NIL, Term::atom);
    let segment = Term::small(segment as i64).unwrap_or(Term::NIL);
    let cause = p
        .heap
        .tuple(&[segment, atom(type_name(flags)), atom(error), value]);
    let info = crate::term::map::from_pairs(
        &mut p.heap,
        &[
            (atom("cause"), cause),
            (atom("function"), atom("format_bs_fail")),
            (atom("module"), atom("erl_erts_errors")),
        ],
    );
    let pair = p.heap.tuple(&[atom("error_info"), info]);
    let opts = p.heap.list(&[pair]);
    // Not a list in place of the arguments: the entry keeps the function's arity.
    p.pending_args = Some([Term::FALSE, opts]);
    Raise::badarg()
}

/// Writes one segment: value `v`, size term `size`, segment flags.
fn segment(w: &mut Writer, v: Term, size: Term, flags: u32) -> Result<(), Fail> {
    let unit = ((flags >> seg::UNIT_SHIFT) & 0xff).max(1) as usize;
    let little = flags & (seg::LITTLE | seg::NATIVE) != 0;
    match flags & seg::TYPE_MASK {
        seg::INTEGER => {
            let nbits = size_of(size, unit)?.unwrap_or(8);
            match v.as_small() {
                Some(i) if nbits <= 64 => w.push_uint(to_stream(i as u64, nbits, little), nbits),
                _ => push_big_int(w, v, nbits, little).ok_or(("type", v))?,
            }
        }
        seg::FLOAT => {
            let nbits = size_of(size, unit)?.unwrap_or(64);
            if !matches!(nbits, 16 | 32 | 64) {
                return Err(("invalid", Term::small(nbits as i64).unwrap_or(size)));
            }
            let f = match v.view() {
                View::Float(f) => f,
                View::Small(i) => i as f64,
                View::Big { .. } => bignum::to_bigint(v)
                    .and_then(|b| b.to_string().parse::<f64>().ok())
                    .filter(|f| f.is_finite())
                    .ok_or(("no_float", v))?,
                _ => return Err(("type", v)),
            };
            let mut bytes = match nbits {
                64 => f.to_be_bytes().to_vec(),
                32 => (f as f32).to_be_bytes().to_vec(),
                _ => f16_bits(f).to_be_bytes().to_vec(),
            };
            if little {
                bytes.reverse();
            }
            w.push(&bytes, nbits);
        }
        seg::BINARY | seg::BITSTRING => {
            let size = size_of(size, unit)?;
            let bits = binary::bits(v).ok_or(("type", v))?;
            let binary_type = flags & seg::TYPE_MASK == seg::BINARY;
            let nbits = match size {
                Some(s) => s,
                None if binary_type && !bits.is_binary() => return Err(("unit", v)),
                None => bits.bit_size,
            };
            if nbits > bits.bit_size {
                return Err(("short", v));
            }
            w.push_window(&bits, nbits);
        }
        t => {
            let c = v
                .as_small()
                .and_then(|c| u32::try_from(c).ok())
                .and_then(char::from_u32)
                .ok_or(("type", v))?;
            let bytes: Vec<u8> = match t {
                seg::UTF8 => c.to_string().into_bytes(),
                seg::UTF16 => c
                    .encode_utf16(&mut [0; 2])
                    .iter()
                    .flat_map(|u| {
                        if little {
                            u.to_le_bytes()
                        } else {
                            u.to_be_bytes()
                        }
                    })
                    .collect(),
                _ => {
                    let u = c as u32;
                    if little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                    .to_vec()
                }
            };
            let n = bytes.len() * 8;
            w.push(&bytes, n);
        }
    }
    Ok(())
}

/// `bs_build`: the bitstring of `n` segments whose values and sizes are at `R[b..]`.
pub(super) fn build(p: &mut Process, b: usize, n: usize, spec: Term) -> Result<Term, Raise> {
    // `<<acc::binary, ...>>` appends in place when it can (amortised O(1) per byte).
    let first_flags = flag_at(spec, 0);
    let append_to = (n >= 1
        && first_flags & seg::TYPE_MASK == seg::BINARY
        && p.stack[b + 1].as_atom() == Some(crate::atom::NIL))
    .then(|| p.stack[b])
    .filter(|t| binary::bits(*t).is_some_and(|bb| bb.is_binary()));
    let start = if append_to.is_some() { 1 } else { 0 };
    let mut w = Writer::default();
    for i in start..n {
        let (v, size) = (p.stack[b + 2 * i], p.stack[b + 2 * i + 1]);
        let flags = flag_at(spec, i);
        if let Err(fail) = segment(&mut w, v, size, flags) {
            return Err(bs_fail(p, i + 1, flags, fail));
        }
    }
    if let Some(acc) = append_to {
        if w.bits.is_multiple_of(8) {
            if let Some(t) = binary::append(&mut p.heap, acc, &w.bytes) {
                return Ok(t);
            }
        }
        // Not whole bytes: build the whole thing.
        let bits = binary::bits(acc).ok_or_else(Raise::badarg)?;
        let mut all = Writer::default();
        all.push_window(&bits, bits.bit_size);
        let rest = std::mem::take(&mut w);
        all.push(&rest.bytes, rest.bits);
        w = all;
    }
    Ok(make(p, w))
}

fn make(p: &mut Process, w: Writer) -> Term {
    let t = p.heap.binary(&w.bytes);
    if w.bits.is_multiple_of(8) {
        t
    } else {
        p.heap.sub_binary(t, 0, w.bits as u64)
    }
}

/// The bits of a match context's subject from position `pos` on (`None` when the
/// subject is not a bitstring or the position is not inside it: a module that breaks the
/// compiler's discipline gets no match, not undefined behaviour).
fn window_at<'a>(subject: Term, pos: Term) -> Option<(Bits<'a>, usize)> {
    let all = binary::bits(subject)?;
    let pos = usize::try_from(pos.as_small()?).ok()?;
    let rest = Bits {
        bytes: all.bytes,
        bit_offset: all.bit_offset + pos,
        bit_size: all.bit_size.checked_sub(pos)?,
    };
    Some((rest, pos))
}

/// `bs_test_size`: the bits left in a match context.
pub(super) fn left(subject: Term, pos: Term) -> Option<usize> {
    window_at(subject, pos).map(|(b, _)| b.bit_size)
}

/// `bs_get`: reads one segment of a match context (subject, position); the value and the
/// new position.
pub(super) fn get(
    p: &mut Process,
    subject: Term,
    pos: Term,
    size: Term,
    flags: u32,
) -> Option<(Term, Term)> {
    let (bits, start) = window_at(subject, pos)?;
    let unit = ((flags >> seg::UNIT_SHIFT) & 0xff).max(1) as usize;
    let little = flags & (seg::LITTLE | seg::NATIVE) != 0;
    let signed = flags & seg::SIGNED != 0;
    let avail = bits.bit_size;
    let window = |start: usize, n: usize| Bits {
        bytes: bits.bytes,
        bit_offset: bits.bit_offset + start,
        bit_size: n,
    };
    let (value, used) = match flags & seg::TYPE_MASK {
        seg::INTEGER => {
            let n = size_of(size, unit).ok()?.unwrap_or(8);
            if n > avail {
                return None;
            }
            if n <= 64 {
                let raw = from_stream(bits.read_uint(0, n), n, little);
                let v = if signed && n > 0 && (raw >> (n - 1)) & 1 == 1 {
                    raw as i128 - (1i128 << n)
                } else {
                    raw as i128
                };
                (p.heap.int128(v), n)
            } else {
                (p.heap.bigint(&read_big_int(&bits, n, little, signed)), n)
            }
        }
        seg::FLOAT => {
            let n = size_of(size, unit).ok()?.unwrap_or(64);
            if n > avail {
                return None;
            }
            let w = window(0, n);
            let mut bytes: Vec<u8> = (0..n / 8).map(|i| w.byte(i)).collect();
            if little {
                bytes.reverse();
            }
            let f = match n {
                64 => f64::from_be_bytes(bytes.try_into().ok()?),
                32 => f32::from_be_bytes(bytes.try_into().ok()?) as f64,
                16 => f16_value(u16::from_be_bytes(bytes.try_into().ok()?)),
                _ => return None,
            };
            if !f.is_finite() {
                return None;
            }
            (p.heap.float(f), n)
        }
        seg::BINARY | seg::BITSTRING => {
            let n = match size_of(size, unit).ok()? {
                Some(n) => n,
                None => avail,
            };
            if n > avail || (flags & seg::TYPE_MASK == seg::BINARY && !n.is_multiple_of(8)) {
                return None;
            }
            // The whole subject is the subject (a sub-binary's fields never change).
            let value = if start == 0 && n == avail {
                subject
            } else {
                p.heap.sub_binary(subject, start as u64, n as u64)
            };
            (value, n)
        }
        t => {
            let w = window(0, avail);
            let byte = |i: usize| w.byte(i);
            let nbytes = avail / 8;
            let (c, len) = match t {
                seg::UTF8 => {
                    let b0 = if nbytes > 0 { byte(0) } else { return None };
                    let len = match b0 {
                        0x00..=0x7f => 1,
                        0xc2..=0xdf => 2,
                        0xe0..=0xef => 3,
                        0xf0..=0xf4 => 4,
                        _ => return None,
                    };
                    if len > nbytes {
                        return None;
                    }
                    let buf: Vec<u8> = (0..len).map(byte).collect();
                    let s = std::str::from_utf8(&buf).ok()?;
                    (s.chars().next()? as u32, len)
                }
                seg::UTF16 => {
                    let unit = |i: usize| {
                        let (a, b) = (byte(2 * i), byte(2 * i + 1));
                        if little {
                            u16::from_le_bytes([a, b])
                        } else {
                            u16::from_be_bytes([a, b])
                        }
                    };
                    if nbytes < 2 {
                        return None;
                    }
                    let u0 = unit(0);
                    if (0xd800..0xdc00).contains(&u0) {
                        if nbytes < 4 {
                            return None;
                        }
                        let c = char::decode_utf16([u0, unit(1)]).next()?.ok()?;
                        (c as u32, 4)
                    } else {
                        let c = char::decode_utf16([u0]).next()?.ok()?;
                        (c as u32, 2)
                    }
                }
                _ => {
                    if nbytes < 4 {
                        return None;
                    }
                    let b = [byte(0), byte(1), byte(2), byte(3)];
                    let u = if little {
                        u32::from_le_bytes(b)
                    } else {
                        u32::from_be_bytes(b)
                    };
                    char::from_u32(u)?;
                    (u, 4)
                }
            };
            (Term::small(c as i64)?, len * 8)
        }
    };
    Some((value, Term::small((start + used) as i64)?))
}

/// The rest of `t` after `prefix`, if `t` starts with it.
pub(super) fn skip_prefix(p: &mut Process, t: Term, prefix: Term) -> Option<Term> {
    let bits = binary::bits(t)?;
    let pre = binary::bytes(prefix)?;
    let n = pre.len() * 8;
    if bits.bit_size < n {
        return None;
    }
    if (0..pre.len()).any(|i| bits.byte(i) != pre[i]) {
        return None;
    }
    Some(p.heap.sub_binary(t, n as u64, (bits.bit_size - n) as u64))
}

/// IEEE 754 half precision of `f` (round to nearest even); infinity when out of range.
fn f16_bits(f: f64) -> u16 {
    if f == 0.0 {
        return if f.is_sign_negative() { 0x8000 } else { 0 };
    }
    let sign: u16 = if f < 0.0 { 0x8000 } else { 0 };
    let a = f.abs();
    if a >= 65520.0 {
        // Too large: infinity, as the BEAM writes it.
        return sign | 0x7C00;
    }
    // Subnormal: multiples of 2^-24.
    if a < 6.103_515_625e-5 {
        let m = (a / 5.960_464_477_539_063e-8).round_ties_even() as u16;
        return sign | m;
    }
    let e = a.log2().floor() as i32;
    let mut e = e.clamp(-14, 15);
    let mut m = (a / 2f64.powi(e) - 1.0) * 1024.0;
    m = m.round_ties_even();
    if m >= 1024.0 {
        m = 0.0;
        e += 1;
    }
    if e > 15 {
        return sign | 0x7C00;
    }
    sign | (((e + 15) as u16) << 10) | m as u16
}

/// The value of a half-precision float; infinities and NaN do not match (`None` as NaN).
fn f16_value(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    match e {
        0 => sign * m * 2f64.powi(-24),
        31 => f64::NAN,
        _ => sign * (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}
