//! Building and matching bitstrings, segment by segment (`bs_build`, `bs_get`,
//! `bs_skip_prefix`).

use beamlet_bytecode::instr::seg;
use num_bigint::{BigInt, Sign};

use crate::binary::{self, Bits};
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::{bignum, Term, View};

/// Bits being written, most significant first.
#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
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
            let bit = (src[i / 8] >> (7 - i % 8)) & 1;
            if self.bits.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if bit == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.bits % 8);
            }
            self.bits += 1;
        }
    }

    fn push_window(&mut self, b: &Bits<'_>, n: usize) {
        let bytes: Vec<u8> = (0..n.div_ceil(8)).map(|i| b.byte(i)).collect();
        self.push(&bytes, n);
    }
}

fn flag_at(spec: Term, i: usize) -> u32 {
    spec.tuple()
        .and_then(|t| t.get(i))
        .and_then(|t| t.as_small())
        .unwrap_or(0) as u32
}

/// An integer as `n` bits, two's complement, big-endian, left-aligned in the bytes.
fn int_bits(v: Term, n: usize, little: bool) -> Option<Vec<u8>> {
    let big: BigInt = match v.view() {
        View::Small(i) => BigInt::from(i),
        View::Big { .. } => bignum::to_bigint(v)?,
        _ => return None,
    };
    let k = n.div_ceil(8);
    let modulus = BigInt::from(1) << (8 * k);
    let mut x = big % &modulus;
    if x.sign() == Sign::Minus {
        x += &modulus;
    }
    let (_, mut bytes) = x.to_bytes_be();
    while bytes.len() < k {
        bytes.insert(0, 0);
    }
    let bytes = bytes[bytes.len() - k..].to_vec();
    let mut bytes = if little && n.is_multiple_of(8) {
        bytes.into_iter().rev().collect()
    } else {
        bytes
    };
    // Left-align the n bits.
    let shift = 8 * k - n;
    if shift > 0 {
        let mut carry = 0u8;
        for b in bytes.iter_mut().rev() {
            let nb = (*b << shift) | carry;
            carry = *b >> (8 - shift);
            *b = nb;
        }
    }
    Some(bytes)
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
            let bytes = int_bits(v, nbits, little).ok_or(("type", v))?;
            w.push(&bytes, nbits);
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

/// `bs_get`: reads one segment from the front of `ctx`; the value and the rest.
pub(super) fn get(p: &mut Process, ctx: Term, size: Term, flags: u32) -> Option<(Term, Term)> {
    let bits = binary::bits(ctx)?;
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
            let w = window(0, n);
            let mut bytes: Vec<u8> = (0..n.div_ceil(8)).map(|i| w.byte(i)).collect();
            // Right-align the n bits.
            let shift = 8 * bytes.len() - n;
            if shift > 0 {
                let mut carry = 0u8;
                for b in bytes.iter_mut() {
                    let nb = (*b >> shift) | carry;
                    carry = *b << (8 - shift);
                    *b = nb;
                }
            }
            if little && n.is_multiple_of(8) {
                bytes.reverse();
            }
            let mut v = BigInt::from_bytes_be(Sign::Plus, &bytes);
            if signed && n > 0 && (v.clone() >> (n - 1)) & BigInt::from(1) == BigInt::from(1) {
                v -= BigInt::from(1) << n;
            }
            (p.heap.bigint(&v), n)
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
            (p.heap.sub_binary(ctx, 0, n as u64), n)
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
    let rest = p.heap.sub_binary(ctx, used as u64, (avail - used) as u64);
    Some((value, rest))
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
