//! `:erlang.phash2/1,2`: the BEAM's portable term hash, bit for bit.
//!
//! `phash2` is documented as stable across BEAM instances and releases, and programs store
//! its values (partitioning keys, `:ets` layouts, hashes written to disk), so we compute
//! exactly what OTP 25 computes. The algorithm is `make_hash2` in the BEAM's
//! `erts/emulator/beam/utils.c` (moved to `erl_term_hashing.c` in later releases, unchanged),
//! the atom hash is `atom_hash` in `erts/emulator/beam/atom.c`, and the two BIFs are
//! `phash2_1` / `phash2_2` in `bif.c`. This module follows those sources; the code is our
//! own.
//!
//! # The algorithm
//!
//! The state is one 32-bit `hash`, starting at 0, into which every part of the term is
//! mixed in a fixed traversal order with Bob Jenkins' 96-bit `MIX`:
//! `UINT32_HASH_2(x, y, K)` sets `a = K + x`, `b = K + y` and mixes `(a, b, hash)`;
//! `UINT32_HASH(x, K)` is `UINT32_HASH_2(x, 0, K)`. Each kind of term has its own constant
//! `K = HCONST * n` (the golden ratio times a small number):
//!
//! - Small integers in the signed 28-bit range: `UINT32_HASH(x, HCONST)`; a negative one
//!   first mixes `UINT32_HASH(-x, HCONST)` too. Larger integers, small or big, mix their
//!   magnitude 64 bits at a time as `UINT32_HASH_2(low32, high32, K)`, least significant
//!   first, with `K = HCONST_10` for negative and `HCONST_11` for positive numbers.
//! - Floats: `UINT32_HASH_2(high32, low32, HCONST_12)` of the IEEE bits, with `-0.0` hashed
//!   as `0.0` (OTP 25 hashes them alike).
//! - Atoms: `hashpjw` of the UTF-8 name (with the BEAM's "latin1 clutch": a two-byte UTF-8
//!   sequence for a code point below 256 counts as that one byte). When `hash` is still 0
//!   the value simply becomes the atom's hash; otherwise it is mixed with `HCONST_3`.
//!   `[]` likewise becomes `3468870702` or is mixed as `UINT32_HASH(2, HCONST_2)`.
//! - Lists: a run of byte elements (small integers 0..=255) is packed four bytes per word
//!   and mixed with `HCONST_4`; any other element is hashed as a term of its own, then the
//!   tail follows. The final tail (`[]` or an improper tail) is hashed like any term.
//! - Tuples: `UINT32_HASH(arity, HCONST_9)`, then the elements in order.
//! - Maps: `UINT32_HASH(size, HCONST_16)`; then every key-value pair is hashed on its own
//!   from `hash = 0` (key then value) and the pair hashes are XORed, so the result does not
//!   depend on the order in which pairs are visited; that XOR is mixed in with
//!   `UINT32_HASH(xor, HCONST_19)` on top of the hash the map started from.
//! - Bitstrings: the whole bytes go through Jenkins' `block_hash` seeded with
//!   `HCONST_13 + hash` (an empty binary just sets `hash` to the seed); trailing bits `n`
//!   add `UINT32_HASH_2(n, last_byte >> (8 - n), HCONST_15)`. Unaligned bitstrings hash
//!   like their aligned copy.
//! - External funs `&M.f/a`: `UINT32_HASH_2(a, atom_hash(M), HCONST)` then
//!   `UINT32_HASH(atom_hash(f), HCONST_14)`: these match the BEAM exactly.
//!
//! `phash2(t)` is `make_hash2(t) & (2^27 - 1)`; `phash2(t, range)` is
//! `make_hash2(t) % range`, or the whole 32-bit hash when the range is 2^32.
//!
//! The traversal uses an explicit work stack, as the BEAM's does (`ESTACK`): lists are
//! walked in a loop and only pending tails, tuple elements and map pairs are pushed, so a
//! list of millions of elements or a tuple nested a million deep costs heap memory, never
//! Rust stack.
//!
//! # Exceptions: pids, ports, references and closures
//!
//! These cannot match the BEAM in general, because their identity is numbered differently
//! here. They hash with the BEAM's constants and formulas applied to our numbers:
//!
//! - A pid mixes `UINT32_HASH_2(low32, high32, HCONST_5)` of its payload, a port the same
//!   with `HCONST_6`, a reference (local or magic) the same with `HCONST_7` of its serial.
//!   The BEAM mixes `UINT32_HASH(number, K)` with the pid's process number (serial
//!   ignored), the port number, or the reference's lowest number word, so a payload `n`
//!   below 2^32 hashes like the BEAM's `<0.n.0>`, `#Port<0.n>` or `#Reference<0.0.0.n>`.
//! - A closure mixes `UINT32_HASH_2(num_free, atom_hash(module), HCONST)` and then
//!   `UINT32_HASH_2(index, arity, HCONST)`, then its captured terms. The BEAM puts the
//!   fun's `old_uniq` (a number derived from the compiled module) where we put the arity,
//!   and its fun index numbering is the compiler's, so closures never match the BEAM.

use super::{map, Term, View};
use crate::atom::Atom;
use crate::binary::Bits;

/// The golden ratio, Jenkins' arbitrary starting value.
const HCONST: u32 = 0x9e37_79b9;
/// `HCONST * n mod 2^32` for the `n` the BEAM uses.
const HCONST_2: u32 = 0x3c6e_f372;
const HCONST_3: u32 = 0xdaa6_6d2b;
const HCONST_4: u32 = 0x78dd_e6e4;
const HCONST_5: u32 = 0x1715_609d;
const HCONST_6: u32 = 0xb54c_da56;
const HCONST_7: u32 = 0x5384_540f;
const HCONST_9: u32 = 0x8ff3_4781;
const HCONST_10: u32 = 0x2e2a_c13a;
const HCONST_11: u32 = 0xcc62_3af3;
const HCONST_12: u32 = 0x6a99_b4ac;
const HCONST_13: u32 = 0x08d1_2e65;
const HCONST_14: u32 = 0xa708_a81e;
const HCONST_15: u32 = 0x4540_21d7;
const HCONST_16: u32 = 0xe377_9b90;
const HCONST_19: u32 = 0xbe1e_08bb;

/// What `[]` hashes to when it is the first thing hashed.
const NIL_FIRST: u32 = 3_468_870_702;
/// The BEAM's `NIL_DEF` tag number, mixed in for a `[]` that is not first.
const NIL_DEF: u32 = 2;

/// `phash2(t)`: the hash in `0..2^27`.
pub fn phash2(t: Term) -> u32 {
    make_hash2(t) & ((1 << 27) - 1)
}

/// `phash2(t, range)`: the hash in `0..range`.
///
/// The BEAM accepts ranges `1..=2^32`. A `u32` cannot hold 2^32, so `range == 0` stands for
/// 2^32 and gives the whole 32-bit hash, as inside the BEAM's own BIF; a caller that has
/// checked `1 <= r <= 2^32` can pass `r as u32`.
pub fn phash2_range(t: Term, range: u32) -> u32 {
    let h = make_hash2(t);
    if range == 0 {
        h
    } else {
        h % range
    }
}

/// The full 32-bit `make_hash2` of a term.
pub fn make_hash2(t: Term) -> u32 {
    Hasher::default().run(t)
}

/// Bob Jenkins' 96-bit mix (the BEAM's `MIX` macro), on wrapping 32-bit words.
#[inline]
fn mix(a: &mut u32, b: &mut u32, c: &mut u32) {
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 13);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 8);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 13);
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 12);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 16);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 5);
    *a = a.wrapping_sub(*b).wrapping_sub(*c) ^ (*c >> 3);
    *b = b.wrapping_sub(*c).wrapping_sub(*a) ^ (*a << 10);
    *c = c.wrapping_sub(*a).wrapping_sub(*b) ^ (*b >> 15);
}

/// `UINT32_HASH_2(x, y, k)`: mixes two words into `hash`.
#[inline]
fn hash2(hash: &mut u32, x: u32, y: u32, k: u32) {
    let mut a = k.wrapping_add(x);
    let mut b = k.wrapping_add(y);
    mix(&mut a, &mut b, hash);
}

/// `UINT32_HASH(x, k)`: mixes one word into `hash`.
#[inline]
fn hash1(hash: &mut u32, x: u32, k: u32) {
    hash2(hash, x, 0, k);
}

/// Little-endian word of four bytes.
#[inline]
fn le32(k: &[u8]) -> u32 {
    k.iter()
        .take(4)
        .enumerate()
        .fold(0, |w, (i, &b)| w.wrapping_add(u32::from(b) << (8 * i)))
}

/// Jenkins' `block_hash` over `bytes`, seeded with `init` (the BEAM's `block_hash`).
///
/// The BEAM adds the length as a 32-bit number; binaries of 4 GiB and more wrap, as there.
fn block_hash(bytes: &[u8], init: u32) -> u32 {
    let (mut a, mut b, mut c) = (HCONST, HCONST, init);
    let mut chunks = bytes.chunks_exact(12);
    for k in &mut chunks {
        a = a.wrapping_add(le32(&k[0..4]));
        b = b.wrapping_add(le32(&k[4..8]));
        c = c.wrapping_add(le32(&k[8..12]));
        mix(&mut a, &mut b, &mut c);
    }
    let rest = chunks.remainder();
    c = c.wrapping_add(bytes.len() as u32);
    // The tail fills a, then b, then c from its second byte on (c's low byte holds the
    // length): the same as the BEAM's fall-through switch.
    a = a.wrapping_add(le32(rest.get(0..).unwrap_or(&[])));
    b = b.wrapping_add(le32(rest.get(4..).unwrap_or(&[])));
    c = c.wrapping_add(le32(rest.get(8..).unwrap_or(&[])) << 8);
    mix(&mut a, &mut b, &mut c);
    c
}

/// The BEAM's atom hash: `hashpjw` of the UTF-8 name, reading a two-byte sequence for a
/// code point in `0x80..=0xFF` as that one byte (the "latin1 clutch" that keeps atom hashes
/// what they were before atoms were UTF-8).
pub fn atom_hash(a: Atom) -> u32 {
    let name = a.name().as_bytes();
    let mut h: u32 = 0;
    let mut i = 0;
    while let Some(&first) = name.get(i) {
        i += 1;
        let mut v = first;
        if let Some(&next) = name.get(i) {
            if v & 0xFE == 0xC2 && next & 0xC0 == 0x80 {
                // The BEAM computes this in a byte, dropping the lead byte's high bits.
                v = (v << 6) | (next & 0x3F);
                i += 1;
            }
        }
        h = (h << 4).wrapping_add(u32::from(v));
        let g = h & 0xF000_0000;
        if g != 0 {
            h ^= g >> 24;
            h ^= g;
        }
    }
    h
}

/// Work still to do after the current term, innermost last.
enum Work {
    /// A term to hash next.
    Term(Term),
    /// End of one map pair: fold the pair's hash into the XOR and restart from 0.
    MapPair,
    /// End of a map: restore the hash and XOR from before the map and mix the map's XOR
    /// into that hash.
    MapTail {
        /// The hash before the pairs.
        hash: u32,
        /// The enclosing map's pair XOR so far.
        xor: u32,
    },
}

/// The state of one `make_hash2` run.
#[derive(Default)]
struct Hasher {
    /// The running hash.
    hash: u32,
    /// XOR of the pair hashes of the innermost map being hashed.
    xor: u32,
    /// The explicit work stack (the BEAM's `ESTACK`).
    stack: Vec<Work>,
}

impl Hasher {
    fn run(mut self, t: Term) -> u32 {
        let mut next = Some(t);
        loop {
            // Hash terms until one leaves nothing to continue with directly.
            while let Some(t) = next {
                next = self.step(t);
            }
            // The BEAM's `hash2_common`: pop the next piece of work.
            loop {
                match self.stack.pop() {
                    None => return self.hash,
                    Some(Work::Term(t)) => {
                        next = Some(t);
                        break;
                    }
                    Some(Work::MapPair) => {
                        self.xor ^= self.hash;
                        self.hash = 0;
                    }
                    Some(Work::MapTail { hash, xor }) => {
                        self.hash = hash;
                        hash1(&mut self.hash, self.xor, HCONST_19);
                        self.xor = xor;
                    }
                }
            }
        }
    }

    /// Hashes the head of `t` into the state, pushing what remains. Returns the term to hash
    /// next when there is one to continue with directly (the BEAM's fall-through into the
    /// next loop iteration), `None` to pop the stack.
    fn step(&mut self, t: Term) -> Option<Term> {
        match t.view() {
            View::Small(i) => {
                self.integer(i < 0, &[i.unsigned_abs()]);
                None
            }
            View::Big { negative, limbs } => {
                self.integer(negative, limbs);
                None
            }
            View::Float(f) => {
                // -0.0 hashes as 0.0.
                let bits = if f == 0.0 { 0 } else { f.to_bits() };
                hash2(&mut self.hash, (bits >> 32) as u32, bits as u32, HCONST_12);
                None
            }
            View::Atom(a) => {
                let h = atom_hash(a);
                if self.hash == 0 {
                    self.hash = h;
                } else {
                    hash1(&mut self.hash, h, HCONST_3);
                }
                None
            }
            View::Nil => {
                if self.hash == 0 {
                    self.hash = NIL_FIRST;
                } else {
                    hash1(&mut self.hash, NIL_DEF, HCONST_2);
                }
                None
            }
            View::Cons(head, tail) => self.list(head, tail),
            View::Tuple(elems) => {
                hash1(&mut self.hash, elems.len() as u32, HCONST_9);
                self.sequence(elems)
            }
            View::Map(m) => {
                hash1(&mut self.hash, map::size(m) as u32, HCONST_16);
                self.map(m);
                None
            }
            View::Bits(b) => {
                self.bits(b);
                None
            }
            View::Export {
                module,
                function,
                arity,
            } => {
                hash2(&mut self.hash, arity as u32, atom_hash(module), HCONST);
                hash1(&mut self.hash, atom_hash(function), HCONST_14);
                None
            }
            View::Fun {
                module,
                index,
                arity,
                env,
            } => {
                hash2(&mut self.hash, env.len() as u32, atom_hash(module), HCONST);
                hash2(&mut self.hash, index as u32, arity as u32, HCONST);
                self.sequence(env)
            }
            View::Pid(p) => {
                hash2(&mut self.hash, p as u32, (p >> 32) as u32, HCONST_5);
                None
            }
            View::Port(p) => {
                hash2(&mut self.hash, p as u32, (p >> 32) as u32, HCONST_6);
                None
            }
            View::LocalRef(r) => {
                hash2(&mut self.hash, r as u32, (r >> 32) as u32, HCONST_7);
                None
            }
            View::MagicRef(res) => {
                let r = res.serial();
                hash2(&mut self.hash, r as u32, (r >> 32) as u32, HCONST_7);
                None
            }
            // Not a term a program can hold; contributes nothing.
            View::Internal => None,
        }
    }

    /// An integer given by sign and little-endian magnitude limbs (leading zero limbs are
    /// ignored, as the BEAM's bignums never have any).
    fn integer(&mut self, negative: bool, limbs: &[u64]) {
        let used = limbs.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1);
        let limbs = limbs.get(..used).unwrap_or(&[]);
        // Integers in the signed 28-bit range: -2^27 <= x < 2^27.
        let small28 = match limbs {
            [] => Some(0),
            [m] if !negative && *m < 1 << 27 => Some(*m as i32),
            [m] if negative && *m <= 1 << 27 => Some((*m as i32).wrapping_neg()),
            _ => None,
        };
        match small28 {
            Some(x) => {
                if x < 0 {
                    // The BEAM mixes negative numbers twice.
                    hash1(&mut self.hash, x.wrapping_neg() as u32, HCONST);
                }
                hash1(&mut self.hash, x as u32, HCONST);
            }
            None => {
                let k = if negative { HCONST_10 } else { HCONST_11 };
                for &l in limbs {
                    hash2(&mut self.hash, l as u32, (l >> 32) as u32, k);
                }
            }
        }
    }

    /// Terms hashed in order (tuple elements, captured terms): pushes all but the first and
    /// continues with the first.
    fn sequence(&mut self, elems: &[Term]) -> Option<Term> {
        let (&first, rest) = elems.split_first()?;
        self.stack.extend(rest.iter().rev().map(|&e| Work::Term(e)));
        Some(first)
    }

    /// A list from its first cell `[head | tail]`: a run of bytes is packed and mixed in a
    /// loop; at the first other element, its tail is pushed and the element hashed next. At
    /// the end of the run the tail that is not a cell (`[]` or improper) is hashed next.
    fn list(&mut self, head: Term, tail: Term) -> Option<Term> {
        let (mut head, mut tail) = (head, tail);
        let mut packed: u32 = 0;
        let mut count = 0;
        let next = loop {
            let Some(byte) = head.as_small().filter(|b| (0..=255).contains(b)) else {
                // A non-byte element: hash it now, the rest of the list after it.
                self.stack.push(Work::Term(tail));
                break head;
            };
            packed = (packed << 8).wrapping_add(byte as u32);
            if count == 3 {
                hash1(&mut self.hash, packed, HCONST_4);
                packed = 0;
                count = 0;
            } else {
                count += 1;
            }
            match tail.cons() {
                Some((h, t)) => {
                    head = h;
                    tail = t;
                }
                None => break tail,
            }
        };
        if count > 0 {
            hash1(&mut self.hash, packed, HCONST_4);
        }
        Some(next)
    }

    /// A non-empty map's pairs (the size is already mixed in): each pair is hashed from 0
    /// and XORed into the pair XOR; the map's tail entry restores the outer state.
    fn map(&mut self, m: Term) {
        if map::size(m) == 0 {
            return;
        }
        self.stack.push(Work::MapTail {
            hash: self.hash,
            xor: self.xor,
        });
        self.hash = 0;
        self.xor = 0;
        for (k, v) in map::iter(m) {
            self.stack.push(Work::MapPair);
            self.stack.push(Work::Term(v));
            self.stack.push(Work::Term(k));
        }
    }

    /// A binary or bitstring.
    fn bits(&mut self, b: Bits<'_>) {
        let seed = HCONST_13.wrapping_add(self.hash);
        let whole = b.bit_size / 8;
        let tail_bits = (b.bit_size % 8) as u32;
        if whole == 0 && tail_bits == 0 {
            self.hash = seed;
            return;
        }
        // The BEAM hashes the byte size truncated to 32 bits.
        let hashed = whole & 0xFFFF_FFFF;
        self.hash = match b.as_bytes().or_else(|| aligned_prefix(&b, whole)) {
            Some(bytes) => block_hash(bytes.get(..hashed).unwrap_or(bytes), seed),
            None => {
                let copy: Vec<u8> = (0..hashed).map(|i| b.byte(i)).collect();
                block_hash(&copy, seed)
            }
        };
        if tail_bits > 0 {
            let last = u32::from(b.byte(whole)) >> (8 - tail_bits);
            hash2(&mut self.hash, tail_bits, last, HCONST_15);
        }
    }
}

/// The first `whole` bytes of a byte-aligned window, without copying.
fn aligned_prefix<'a>(b: &Bits<'a>, whole: usize) -> Option<&'a [u8]> {
    if b.bit_offset & 7 != 0 {
        return None;
    }
    let start = b.bit_offset / 8;
    b.bytes.get(start..start.checked_add(whole)?)
}
