//! Arithmetic: `+ - * /`, `div rem`, `abs`, the bitwise operators, `float/1`, the
//! float-to-integer roundings, `max/min`.
//!
//! Small integers take a fast path in machine arithmetic (they have 60 bits, so sums and
//! differences cannot overflow an `i64`, products fit an `i128`). Anything else goes
//! through `num_bigint`, and the result is normalised back to a small when it fits. Mixed
//! integer/float arithmetic converts the integer as the BEAM does (see
//! [`super::big_to_f64`]); a float result that is not finite raises `badarith`.

use std::cmp::Ordering;

use num_bigint::BigInt;

use super::{args, bigint_of, float_result, float_to_int, make_int, num, to_f64, Num};
use super::{FloatErr, MAX_BIG_LIMBS};
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::order::compare;
use crate::term::Term;

/// The operands of a binary operator, classified.
enum Operands {
    Small(i64, i64),
    Ints,
    Floats(f64, f64),
}

fn operands(x: Term, y: Term) -> Result<Operands, Raise> {
    let (a, b) = match (num(x), num(y)) {
        (Some(a), Some(b)) => (a, b),
        _ => return Err(Raise::badarith()),
    };
    match (a, b) {
        (Num::Small(i), Num::Small(j)) => Ok(Operands::Small(i, j)),
        (Num::Float(_), _) | (_, Num::Float(_)) => {
            let f = to_f64(x).map_err(|_| Raise::badarith())?;
            let g = to_f64(y).map_err(|_| Raise::badarith())?;
            Ok(Operands::Floats(f, g))
        }
        _ => Ok(Operands::Ints),
    }
}

fn ints(x: Term, y: Term) -> Result<(BigInt, BigInt), Raise> {
    match (bigint_of(x), bigint_of(y)) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(Raise::badarith()),
    }
}

fn arith(
    p: &mut Process,
    a: &[Term],
    small: fn(i64, i64) -> i128,
    big: fn(BigInt, BigInt) -> BigInt,
    float: fn(f64, f64) -> f64,
) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    match operands(x, y)? {
        Operands::Small(i, j) => Ok(p.heap.int128(small(i, j))),
        Operands::Floats(f, g) => float_result(p, float(f, g)),
        Operands::Ints => {
            let (m, n) = ints(x, y)?;
            make_int(p, &big(m, n))
        }
    }
}

/// `a + b`.
pub fn add(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    arith(
        p,
        a,
        |i, j| i as i128 + j as i128,
        |m, n| m + n,
        |f, g| f + g,
    )
}

/// `a - b`.
pub fn sub(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    arith(
        p,
        a,
        |i, j| i as i128 - j as i128,
        |m, n| m - n,
        |f, g| f - g,
    )
}

/// `a * b`.
pub fn mul(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    // A product of two bignums has as many limbs as both together: refuse before
    // computing one far past the limit.
    if let (Some(Num::Big(_, l)), Some(Num::Big(_, m))) = (num(x), num(y)) {
        if (l.len() + m.len()) as u64 > MAX_BIG_LIMBS + 1 {
            return Err(Raise::system_limit());
        }
    }
    arith(
        p,
        a,
        |i, j| i as i128 * j as i128,
        |m, n| m * n,
        |f, g| f * g,
    )
}

/// `a / b`: always a float.
pub fn fdiv(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    let f = to_f64(x).map_err(|_| Raise::badarith())?;
    let g = to_f64(y).map_err(|_| Raise::badarith())?;
    if g == 0.0 {
        return Err(Raise::badarith());
    }
    float_result(p, f / g)
}

/// Unary `-a`.
pub fn neg(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x] = args(a)?;
    match num(x) {
        Some(Num::Small(i)) => Ok(p.heap.int(-i)),
        Some(Num::Float(f)) => Ok(p.heap.float(-f)),
        Some(Num::Big(..)) => {
            let n = bigint_of(x).ok_or_else(Raise::badarith)?;
            make_int(p, &-n)
        }
        None => Err(Raise::badarith()),
    }
}

/// Unary `+a`: the number itself.
pub fn plus(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x] = args(a)?;
    if x.is_number() {
        Ok(x)
    } else {
        Err(Raise::badarith())
    }
}

fn int_operands(x: Term, y: Term) -> Result<Operands, Raise> {
    match (num(x), num(y)) {
        (Some(Num::Small(i)), Some(Num::Small(j))) => Ok(Operands::Small(i, j)),
        (Some(Num::Small(_) | Num::Big(..)), Some(Num::Small(_) | Num::Big(..))) => {
            Ok(Operands::Ints)
        }
        _ => Err(Raise::badarith()),
    }
}

/// `div`: integer division, truncating toward zero.
pub fn int_div(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    if let (Some(i), Some(j)) = (x.as_small(), y.as_small()) {
        if j != 0 {
            // Only MIN_SMALL / -1 leaves the small range.
            return Ok(p.heap.int(i / j));
        }
    }
    match int_operands(x, y)? {
        Operands::Small(_, 0) => Err(Raise::badarith()),
        Operands::Small(i, j) => Ok(p.heap.int(i / j)),
        _ => {
            let (m, n) = ints(x, y)?;
            if n.bits() == 0 {
                return Err(Raise::badarith());
            }
            make_int(p, &(m / n))
        }
    }
}

/// `rem`: the remainder of `div`, with the sign of the dividend.
pub fn int_rem(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    if let (Some(i), Some(j)) = (x.as_small(), y.as_small()) {
        if j != 0 {
            // |i % j| <= |i|: still small.
            return Ok(Term::small(i % j).unwrap_or(Term::NIL));
        }
    }
    match int_operands(x, y)? {
        Operands::Small(_, 0) => Err(Raise::badarith()),
        Operands::Small(i, j) => Ok(p.heap.int(i % j)),
        _ => {
            let (m, n) = ints(x, y)?;
            if n.bits() == 0 {
                return Err(Raise::badarith());
            }
            make_int(p, &(m % n))
        }
    }
}

/// `abs/1`. A non-number is a `badarg` (it is a BIF, not an operator); `abs(-0.0)` is
/// `-0.0`, as on the BEAM.
pub fn abs(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x] = args(a)?;
    match num(x) {
        Some(Num::Small(i)) => Ok(p.heap.int(i.abs())),
        Some(Num::Float(f)) => Ok(if f < 0.0 { p.heap.float(-f) } else { x }),
        Some(Num::Big(false, _)) => Ok(x),
        Some(Num::Big(true, _)) => {
            let n = bigint_of(x).ok_or_else(Raise::badarg)?;
            make_int(p, &-n)
        }
        None => Err(Raise::badarg()),
    }
}

fn bitwise(
    p: &mut Process,
    a: &[Term],
    small: fn(i64, i64) -> i64,
    big: fn(BigInt, BigInt) -> BigInt,
) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    match int_operands(x, y)? {
        Operands::Small(i, j) => Ok(p.heap.int(small(i, j))),
        _ => {
            let (m, n) = ints(x, y)?;
            make_int(p, &big(m, n))
        }
    }
}

/// `band`.
pub fn band(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    bitwise(p, a, |i, j| i & j, |m, n| m & n)
}

/// `bor`.
pub fn bor(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    bitwise(p, a, |i, j| i | j, |m, n| m | n)
}

/// `bxor`.
pub fn bxor(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    bitwise(p, a, |i, j| i ^ j, |m, n| m ^ n)
}

/// `bnot`.
pub fn bnot(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x] = args(a)?;
    match num(x) {
        Some(Num::Small(i)) => Ok(p.heap.int(!i)),
        Some(Num::Big(..)) => {
            let n = bigint_of(x).ok_or_else(Raise::badarith)?;
            make_int(p, &!n)
        }
        _ => Err(Raise::badarith()),
    }
}

/// `x bsl n` for any integers (a negative `n` shifts right).
fn shift(p: &mut Process, x: Term, n: Term, left: bool) -> Result<Term, Raise> {
    let (Some(xv), Some(nv)) = (num(x), num(n)) else {
        return Err(Raise::badarith());
    };
    if matches!(xv, Num::Float(_)) || matches!(nv, Num::Float(_)) {
        return Err(Raise::badarith());
    }
    // The shift as a signed amount to the left; a bignum count is "huge".
    let count: Option<i64> = match nv {
        Num::Small(i) => Some(if left { i } else { -i }),
        _ => None,
    };
    let x_negative = match xv {
        Num::Small(i) => i < 0,
        Num::Big(neg, _) => neg,
        Num::Float(_) => false,
    };
    let x_zero = matches!(xv, Num::Small(0));
    let huge_left = match (count, &nv) {
        (Some(_), _) => false,
        (None, Num::Big(neg, _)) => *neg != left,
        _ => false,
    };
    let Some(count) = count else {
        // Shifting by a bignum: everything goes, or nothing fits.
        return if huge_left {
            if x_zero {
                Ok(x)
            } else {
                Err(Raise::system_limit())
            }
        } else if x_negative {
            Ok(p.heap.int(-1))
        } else {
            Ok(p.heap.int(0))
        };
    };
    if let Num::Small(i) = xv {
        if count <= 0 {
            let s = (-count).min(63) as u32;
            return Ok(p.heap.int(i >> s));
        }
        if count < 64 {
            // |i| < 2^59, so the product stays below 2^122.
            return Ok(p.heap.int128((i as i128) << count));
        }
    }
    let m = bigint_of(x).ok_or_else(Raise::badarith)?;
    if count <= 0 {
        let s = count.unsigned_abs();
        let bits = m.bits();
        if s >= bits {
            return Ok(p.heap.int(if x_negative { -1 } else { 0 }));
        }
        return make_int(p, &(m >> s as usize));
    }
    if x_zero {
        return Ok(x);
    }
    if m.bits() + count as u64 > MAX_BIG_LIMBS * 64 {
        return Err(Raise::system_limit());
    }
    make_int(p, &(m << count as usize))
}

/// `bsl`.
pub fn bsl(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, n] = args(a)?;
    shift(p, x, n, true)
}

/// `bsr`.
pub fn bsr(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, n] = args(a)?;
    shift(p, x, n, false)
}

/// `float/1`: `badarg` for a non-number or an integer too large.
pub fn float(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x] = args(a)?;
    if x.as_float().is_some() {
        return Ok(x);
    }
    match to_f64(x) {
        Ok(f) => Ok(p.heap.float(f)),
        Err(FloatErr::NotNumber | FloatErr::Overflow) => Err(Raise::badarg()),
    }
}

fn to_integer(p: &mut Process, a: &[Term], f: fn(f64) -> f64) -> Result<Term, Raise> {
    let [x] = args(a)?;
    if x.is_integer() {
        return Ok(x);
    }
    match x.as_float() {
        Some(v) => Ok(float_to_int(p, f(v))),
        None => Err(Raise::badarg()),
    }
}

/// `round/1`: half away from zero.
pub fn round(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    to_integer(p, a, f64::round)
}

/// `trunc/1`.
pub fn trunc(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    to_integer(p, a, f64::trunc)
}

/// `floor/1`.
pub fn floor(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    to_integer(p, a, f64::floor)
}

/// `ceil/1`.
pub fn ceil(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    to_integer(p, a, f64::ceil)
}

/// `max/2` in the term order; the first argument when they compare equal.
pub fn max(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    Ok(if compare(x, y) == Ordering::Less {
        y
    } else {
        x
    })
}

/// `min/2` in the term order; the first argument when they compare equal.
pub fn min(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    Ok(if compare(y, x) == Ordering::Less {
        y
    } else {
        x
    })
}

/// `a + b` on terms, for BIFs that sum (`lists:sum/1`).
pub(crate) fn add_terms(p: &mut Process, x: Term, y: Term) -> Result<Term, Raise> {
    add(p, &[x, y])
}
