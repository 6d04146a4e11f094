//! `:erlang.term_to_binary/1` and `:erlang.binary_to_term/1`: the external term format,
//! byte for byte as OTP 25 writes it (version 131; atoms as `SMALL_ATOM_UTF8_EXT`, byte
//! lists as `STRING_EXT`, floats as `NEW_FLOAT_EXT`, integers in the smallest form).
//! Pids, references and funs are not encoded yet (`badarg`).
//!
//! Both directions use an explicit stack: a deeply nested term cannot overflow the Rust
//! stack, and decoding never trusts a length beyond the input.

use num_bigint::{BigInt, Sign};

use super::args;
use crate::atom::Atom;
use crate::binary;
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::{bignum, map, Term, View};

const VERSION: u8 = 131;

fn encode(t: Term, out: &mut Vec<u8>) -> Option<()> {
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        match t.view() {
            View::Small(i) => int(BigInt::from(i), out),
            View::Big { .. } => int(bignum::to_bigint(t)?, out),
            View::Float(f) => {
                out.push(70);
                out.extend_from_slice(&f.to_be_bytes());
            }
            View::Atom(a) => {
                // OTP 25's default (minor version 1): latin-1 atoms as ATOM_EXT, others
                // as UTF-8.
                let latin1: Option<Vec<u8>> = a
                    .name()
                    .chars()
                    .map(|c| u8::try_from(c as u32).ok())
                    .collect();
                if let Some(bytes) = latin1 {
                    out.push(100);
                    out.extend_from_slice(&(bytes.len() as u16).to_be_bytes());
                    out.extend_from_slice(&bytes);
                    continue;
                }
                let name = a.name().as_bytes();
                if name.len() < 256 {
                    out.push(119);
                    out.push(name.len() as u8);
                } else {
                    out.push(118);
                    out.extend_from_slice(&(name.len() as u16).to_be_bytes());
                }
                out.extend_from_slice(name);
            }
            View::Tuple(items) => {
                if items.len() < 256 {
                    out.push(104);
                    out.push(items.len() as u8);
                } else {
                    out.push(105);
                    out.extend_from_slice(&(items.len() as u32).to_be_bytes());
                }
                work.extend(items.iter().rev());
            }
            View::Nil => out.push(106),
            View::Cons(..) => {
                let mut items = Vec::new();
                let mut l = t;
                while let Some((h, tl)) = l.cons() {
                    items.push(h);
                    l = tl;
                }
                let bytes: Option<Vec<u8>> = (l.is_nil() && items.len() < 65536)
                    .then(|| {
                        items
                            .iter()
                            .map(|x| x.as_small().and_then(|i| u8::try_from(i).ok()))
                            .collect()
                    })
                    .flatten();
                if let Some(bytes) = bytes {
                    out.push(107);
                    out.extend_from_slice(&(bytes.len() as u16).to_be_bytes());
                    out.extend_from_slice(&bytes);
                } else {
                    out.push(108);
                    out.extend_from_slice(&(items.len() as u32).to_be_bytes());
                    work.push(l);
                    work.extend(items.iter().rev());
                }
            }
            View::Map(m) => {
                out.push(116);
                out.extend_from_slice(&(map::size(m) as u32).to_be_bytes());
                let pairs = map::sorted_pairs(m);
                for (k, v) in pairs.iter().rev() {
                    work.push(*v);
                    work.push(*k);
                }
            }
            View::Bits(b) => {
                let bytes: Vec<u8> = (0..b.byte_len()).map(|i| b.byte(i)).collect();
                if b.is_binary() {
                    out.push(109);
                    out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
                } else {
                    out.push(77);
                    out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
                    out.push((b.bit_size % 8) as u8);
                }
                out.extend_from_slice(&bytes);
            }
            _ => return None,
        }
    }
    Some(())
}

fn int(n: BigInt, out: &mut Vec<u8>) {
    if let Ok(b) = u8::try_from(&n) {
        out.push(97);
        out.push(b);
    } else if let Ok(i) = i32::try_from(&n) {
        out.push(98);
        out.extend_from_slice(&i.to_be_bytes());
    } else {
        let (sign, mag) = n.to_bytes_le();
        if mag.len() < 256 {
            out.push(110);
            out.push(mag.len() as u8);
        } else {
            out.push(111);
            out.extend_from_slice(&(mag.len() as u32).to_be_bytes());
        }
        out.push(u8::from(sign == Sign::Minus));
        out.extend_from_slice(&mag);
    }
}

/// `:erlang.term_to_binary/1`.
pub fn term_to_binary(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let mut out = vec![VERSION];
    encode(t, &mut out).ok_or_else(Raise::badarg)?;
    Ok(p.heap.binary(&out))
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|s| s[0])
    }
    fn u16(&mut self) -> Option<usize> {
        self.take(2)
            .map(|s| u16::from_be_bytes([s[0], s[1]]) as usize)
    }
    fn u32(&mut self) -> Option<usize> {
        self.take(4)
            .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]) as usize)
    }
}

/// A container waiting for its values.
#[derive(Clone, Copy)]
enum Job {
    Tuple(usize),
    List(usize),
    Map(usize),
}

fn decode(p: &mut Process, r: &mut Reader<'_>) -> Option<Term> {
    // Values built so far, and open containers with how many values they still need.
    let mut values: Vec<Term> = Vec::new();
    let mut open: Vec<(Job, usize)> = Vec::new();
    let needed = 1usize;
    loop {
        // Close every container whose values are all there.
        while let Some(&(job, want)) = open.last() {
            if values.len() < want {
                break;
            }
            open.pop();
            let t = match job {
                Job::Tuple(n) => {
                    let items = values.split_off(values.len() - n);
                    p.heap.tuple(&items)
                }
                Job::List(n) => {
                    let mut items = values.split_off(values.len() - n - 1);
                    let tail = items.pop()?;
                    p.heap.improper_list(&items, tail)
                }
                Job::Map(n) => {
                    let kv = values.split_off(values.len() - 2 * n);
                    let mut m = map::empty(&mut p.heap);
                    for pair in kv.chunks_exact(2) {
                        m = map::put(&mut p.heap, m, pair[0], pair[1]);
                    }
                    m
                }
            };
            values.push(t);
        }
        if open.is_empty() && values.len() == needed {
            return values.pop();
        }
        let tag = r.u8()?;
        let t = match tag {
            97 => Term::small(r.u8()? as i64)?,
            98 => {
                let s = r.take(4)?;
                Term::small(i32::from_be_bytes([s[0], s[1], s[2], s[3]]) as i64)?
            }
            110 | 111 => {
                let n = if tag == 110 {
                    r.u8()? as usize
                } else {
                    r.u32()?
                };
                let sign = r.u8()?;
                let mag = r.take(n)?;
                let s = if sign == 0 { Sign::Plus } else { Sign::Minus };
                p.heap.bigint(&BigInt::from_bytes_le(s, mag))
            }
            70 => {
                let s = r.take(8)?;
                let f = f64::from_be_bytes(s.try_into().ok()?);
                if !f.is_finite() {
                    return None;
                }
                p.heap.float(f)
            }
            118 | 119 => {
                let n = if tag == 119 {
                    r.u8()? as usize
                } else {
                    r.u16()?
                };
                let name = std::str::from_utf8(r.take(n)?).ok()?;
                Term::atom(Atom::intern(name).ok()?)
            }
            100 | 115 => {
                // Latin-1.
                let n = if tag == 115 {
                    r.u8()? as usize
                } else {
                    r.u16()?
                };
                let name: String = r.take(n)?.iter().map(|&b| b as char).collect();
                Term::atom(Atom::intern(&name).ok()?)
            }
            104 | 105 => {
                let n = if tag == 104 {
                    r.u8()? as usize
                } else {
                    r.u32()?
                };
                if n > r.b.len() {
                    return None;
                }
                open.push((Job::Tuple(n), values.len() + n));
                continue;
            }
            106 => Term::NIL,
            107 => {
                let n = r.u16()?;
                let bytes = r.take(n)?;
                let items: Vec<Term> = bytes
                    .iter()
                    .map(|&b| Term::small(b as i64).unwrap_or(Term::NIL))
                    .collect();
                p.heap.list(&items)
            }
            108 => {
                let n = r.u32()?;
                if n > r.b.len() {
                    return None;
                }
                open.push((Job::List(n), values.len() + n + 1));
                continue;
            }
            116 => {
                let n = r.u32()?;
                if n > r.b.len() {
                    return None;
                }
                open.push((Job::Map(n), values.len() + 2 * n));
                continue;
            }
            109 => {
                let n = r.u32()?;
                let bytes = r.take(n)?;
                p.heap.binary(bytes)
            }
            77 => {
                let n = r.u32()?;
                let bits = r.u8()? as u64;
                let bytes = r.take(n)?;
                if n == 0 || bits == 0 || bits > 8 {
                    return None;
                }
                let whole = p.heap.binary(bytes);
                p.heap.sub_binary(whole, 0, (n as u64 - 1) * 8 + bits)
            }
            _ => return None,
        };
        values.push(t);
    }
}

/// `:erlang.binary_to_term/1`.
pub fn binary_to_term(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [b] = args(a)?;
    let bytes = binary::bytes(b).ok_or_else(Raise::badarg)?.to_vec();
    let mut r = Reader { b: &bytes, pos: 0 };
    if r.u8() != Some(VERSION) {
        return Err(Raise::badarg());
    }
    let t = decode(p, &mut r).ok_or_else(Raise::badarg)?;
    if r.pos != bytes.len() {
        return Err(Raise::badarg());
    }
    Ok(t)
}
