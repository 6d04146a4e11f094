//! Term order, equality and the internal hash, as on the BEAM.
//!
//! - The order of classes: number < atom < reference < fun < port < pid < tuple < map <
//!   list < bitstring. Integers and floats compare by value (`1 == 1.0`); tuples by size,
//!   then elements; maps by size, then keys in map-key order, then values in that order;
//!   lists element by element (`[]` first); bitstrings bit by bit, a prefix first.
//! - `===` ([`exact_eq`]) and the map-key order ([`cmp_key`]) tell integers from floats at
//!   every depth: every integer sorts before every float. `0.0 === -0.0` holds (OTP 25).
//! - [`key_hash`] agrees with `===`; it places keys in HAMT maps and is not `phash2`.
//!
//! Nothing here recurses on the Rust stack: a list of ten million elements or a tuple nested
//! a million deep compares with a heap-allocated work list.

use std::cmp::Ordering;

use super::bignum::{cmp_big_float, cmp_magnitude, cmp_small_float};
use super::{map, Class, Term, View};
use crate::binary::Bits;

/// Which comparison: arithmetic (`==`, `<`) or exact (`===`, map keys).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Arith,
    Exact,
}

/// `a == b`.
#[inline]
pub fn eq(a: Term, b: Term) -> bool {
    // Two immediates (small integers, atoms, pids, []) are equal only when identical, and
    // an atom or `[]` only to itself.
    let only_itself = |t: Term| t.is_atom() || t.is(Term::NIL);
    if a.is(b) {
        return true;
    }
    if (a.is_immediate() && b.is_immediate()) || only_itself(a) || only_itself(b) {
        return false;
    }
    compare_in(a, b, Mode::Arith) == Ordering::Equal
}

/// `a === b`.
#[inline]
pub fn exact_eq(a: Term, b: Term) -> bool {
    // As `eq`; and a small integer is exactly equal to no boxed term either (bignums are
    // normalised, and `1 !== 1.0`).
    let only_itself = |t: Term| t.is_atom() || t.is(Term::NIL) || t.is_small();
    if a.is(b) {
        return true;
    }
    if (a.is_immediate() && b.is_immediate()) || only_itself(a) || only_itself(b) {
        return false;
    }
    compare_in(a, b, Mode::Exact) == Ordering::Equal
}

/// The term order (`<`, `>`, `Enum.sort/1`); `Equal` means `==`.
pub fn compare(a: Term, b: Term) -> Ordering {
    compare_in(a, b, Mode::Arith)
}

/// The map-key order: the term order, except that integers sort before floats.
pub fn cmp_key(a: Term, b: Term) -> Ordering {
    compare_in(a, b, Mode::Exact)
}

fn compare_in(a: Term, b: Term, mode: Mode) -> Ordering {
    // Immediates of the same kind, the common case, need no work list.
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return x.cmp(&y);
    }
    let mut work: Vec<(Term, Term, Mode)> = vec![(a, b, mode)];
    while let Some((x, y, m)) = work.pop() {
        if x.is(y) {
            continue;
        }
        match compare_one(x, y, m, &mut work) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    Ordering::Equal
}

fn class_of(t: Term) -> Class {
    // Every term a program holds has a class; internal words sort first rather than panic.
    t.class().unwrap_or(Class::Number)
}

/// Compares the tops of `x` and `y`; pushes the pairs of parts still to compare, the first
/// to compare last.
fn compare_one(x: Term, y: Term, mode: Mode, work: &mut Vec<(Term, Term, Mode)>) -> Ordering {
    let (cx, cy) = (class_of(x), class_of(y));
    if cx != cy {
        return cx.cmp(&cy);
    }
    match (x.view(), y.view()) {
        (vx, vy) if cx == Class::Number => compare_numbers(vx, vy, mode),
        (View::Atom(p), View::Atom(q)) => p.name().cmp(q.name()),
        (vx, vy) if cx == Class::Reference => ref_serial(vx).cmp(&ref_serial(vy)),
        (View::Pid(p), View::Pid(q)) | (View::Port(p), View::Port(q)) => p.cmp(&q),
        (vx, vy) if cx == Class::Fun => compare_funs(vx, vy, mode, work),
        (View::Tuple(p), View::Tuple(q)) => p.len().cmp(&q.len()).then_with(|| {
            work.extend(p.iter().zip(q).rev().map(|(a, b)| (*a, *b, mode)));
            Ordering::Equal
        }),
        (View::Map(p), View::Map(q)) => compare_maps(p, q, mode, work),
        (View::Nil, View::Nil) => Ordering::Equal,
        (View::Nil, _) => Ordering::Less,
        (_, View::Nil) => Ordering::Greater,
        (View::Cons(h1, t1), View::Cons(h2, t2)) => {
            work.push((t1, t2, mode));
            work.push((h1, h2, mode));
            Ordering::Equal
        }
        (View::Bits(p), View::Bits(q)) => compare_bits(p, q),
        _ => Ordering::Equal,
    }
}

fn ref_serial(v: View<'_>) -> u64 {
    match v {
        View::LocalRef(r) => r,
        View::MagicRef(r) => r.serial(),
        _ => 0,
    }
}

fn compare_numbers(x: View<'_>, y: View<'_>, mode: Mode) -> Ordering {
    use View::{Big, Float, Small};
    let is_float = |v: &View<'_>| matches!(v, Float(_));
    if mode == Mode::Exact && is_float(&x) != is_float(&y) {
        return if is_float(&x) {
            Ordering::Greater
        } else {
            Ordering::Less
        };
    }
    match (x, y) {
        (Small(a), Small(b)) => a.cmp(&b),
        (Float(a), Float(b)) => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
        (Small(a), Float(b)) => cmp_small_float(a, b),
        (Float(a), Small(b)) => cmp_small_float(b, a).reverse(),
        // A bignum lies outside the small range: its sign decides.
        (Small(_), Big { negative, .. }) => {
            if negative {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (Big { negative, .. }, Small(_)) => {
            if negative {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (
            Big {
                negative: n1,
                limbs: l1,
            },
            Big {
                negative: n2,
                limbs: l2,
            },
        ) => match (n1, n2) {
            (false, false) => cmp_magnitude(l1, l2),
            (true, true) => cmp_magnitude(l2, l1),
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
        },
        (Big { negative, limbs }, Float(f)) => cmp_big_float(negative, limbs, f),
        (Float(f), Big { negative, limbs }) => cmp_big_float(negative, limbs, f).reverse(),
        _ => Ordering::Equal,
    }
}

/// Funs: closures and external funs each by module, then number or name, then arity;
/// closures then by their environments. External funs sort after closures.
fn compare_funs(
    x: View<'_>,
    y: View<'_>,
    mode: Mode,
    work: &mut Vec<(Term, Term, Mode)>,
) -> Ordering {
    match (x, y) {
        (
            View::Fun {
                module: m1,
                index: i1,
                arity: a1,
                env: e1,
            },
            View::Fun {
                module: m2,
                index: i2,
                arity: a2,
                env: e2,
            },
        ) => m1
            .name()
            .cmp(m2.name())
            .then(i1.cmp(&i2))
            .then(a1.cmp(&a2))
            .then(e1.len().cmp(&e2.len()))
            .then_with(|| {
                work.extend(e1.iter().zip(e2).rev().map(|(a, b)| (*a, *b, mode)));
                Ordering::Equal
            }),
        (
            View::Export {
                module: m1,
                function: f1,
                arity: a1,
            },
            View::Export {
                module: m2,
                function: f2,
                arity: a2,
            },
        ) => m1
            .name()
            .cmp(m2.name())
            .then(f1.name().cmp(f2.name()))
            .then(a1.cmp(&a2)),
        (View::Fun { .. }, _) => Ordering::Less,
        (_, View::Fun { .. }) => Ordering::Greater,
        _ => Ordering::Equal,
    }
}

fn compare_maps(p: Term, q: Term, mode: Mode, work: &mut Vec<(Term, Term, Mode)>) -> Ordering {
    let (n1, n2) = (map::size(p), map::size(q));
    if n1 != n2 {
        return n1.cmp(&n2);
    }
    let (a, b) = (map::sorted_pairs(p), map::sorted_pairs(q));
    // Keys first (exact order), then values; the work list is a stack, so push in reverse.
    work.extend(a.iter().zip(&b).rev().map(|(x, y)| (x.1, y.1, mode)));
    work.extend(a.iter().zip(&b).rev().map(|(x, y)| (x.0, y.0, Mode::Exact)));
    Ordering::Equal
}

fn compare_bits(p: Bits<'_>, q: Bits<'_>) -> Ordering {
    if let (Some(a), Some(b)) = (p.as_bytes(), q.as_bytes()) {
        return a.cmp(b);
    }
    let common = p.bit_size.min(q.bit_size);
    let whole = common / 8;
    for i in 0..whole {
        match p.byte(i).cmp(&q.byte(i)) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    let rest = common % 8;
    if rest > 0 {
        let mask = !(0xFFu8 >> rest);
        match (p.byte(whole) & mask).cmp(&(q.byte(whole) & mask)) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    p.bit_size.cmp(&q.bit_size)
}

/// A 64-bit hash that agrees with [`exact_eq`]: equal terms hash alike whatever their
/// representation (a heap binary and a sub-binary with the same bytes, a flat map and a
/// HAMT with the same pairs).
pub fn key_hash(t: Term) -> u64 {
    let mut h = Hasher(0x9E37_79B9_7F4A_7C15);
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        match t.view() {
            View::Small(i) => h.mix(1, i as u64),
            View::Big { negative, limbs } => {
                h.mix(2, negative as u64);
                limbs.iter().for_each(|l| h.mix(3, *l));
            }
            View::Float(f) => h.mix(4, if f == 0.0 { 0 } else { f.to_bits() }),
            View::Atom(a) => h.mix(5, a.index() as u64),
            View::LocalRef(r) => h.mix(6, r),
            View::MagicRef(r) => h.mix(6, r.serial()),
            View::Fun {
                module,
                index,
                arity,
                env,
            } => {
                h.mix(7, module.index() as u64);
                h.mix(7, index as u64);
                h.mix(7, arity as u64);
                work.extend_from_slice(env);
            }
            View::Export {
                module,
                function,
                arity,
            } => {
                h.mix(8, module.index() as u64);
                h.mix(8, function.index() as u64);
                h.mix(8, arity as u64);
            }
            View::Port(p) => h.mix(9, p),
            View::Pid(p) => h.mix(10, p),
            View::Tuple(elems) => {
                h.mix(11, elems.len() as u64);
                work.extend(elems.iter().rev());
            }
            View::Map(m) => {
                h.mix(12, map::size(m) as u64);
                for (k, v) in map::sorted_pairs(m).into_iter().rev() {
                    work.push(v);
                    work.push(k);
                }
            }
            View::Nil => h.mix(13, 0),
            View::Cons(head, tail) => {
                h.mix(14, 0);
                work.push(tail);
                work.push(head);
            }
            View::Bits(b) => {
                h.mix(15, b.bit_size as u64);
                for i in 0..b.byte_len() {
                    h.mix(16, b.byte(i) as u64);
                }
            }
            View::Internal => h.mix(17, t.raw()),
        }
    }
    h.finish()
}

struct Hasher(u64);

impl Hasher {
    #[inline]
    fn mix(&mut self, tag: u64, v: u64) {
        // splitmix64's finaliser over the running state, the tag and the value.
        let mut z = self.0 ^ v.wrapping_add(tag.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        self.0 = z ^ (z >> 31);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
