//! Integers past the small range.
//!
//! On the heap a bignum is a `PosBig` or `NegBig` header and its magnitude as little-endian
//! u64 limbs, never with a zero top limb, and never a value that fits a small integer (those
//! are always small: every constructor normalises through [`crate::TermAlloc::bigint`]).
//! Arithmetic converts to `num_bigint::BigInt`, computes, and converts back.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};

use super::{Kind, Term};

/// The integer value of `t` as a `BigInt` (small or big).
pub fn to_bigint(t: Term) -> Option<BigInt> {
    if let Some(i) = t.as_small() {
        return Some(BigInt::from(i));
    }
    let sign = match t.kind()? {
        Kind::PosBig => Sign::Plus,
        Kind::NegBig => Sign::Minus,
        _ => return None,
    };
    let limbs = t.payload();
    let mut bytes = Vec::with_capacity(limbs.len() * 8);
    for l in limbs {
        bytes.extend_from_slice(&l.to_le_bytes());
    }
    Some(BigInt::from_biguint(sign, BigUint::from_bytes_le(&bytes)))
}

/// Compares two bignum magnitudes (normalised limbs).
pub fn cmp_magnitude(a: &[u64], b: &[u64]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// Compares an integer given as sign and magnitude limbs with a float, exactly.
pub fn cmp_big_float(negative: bool, limbs: &[u64], f: f64) -> Ordering {
    // A normalised bignum is at least 2^59 in magnitude. Floats beyond 2^53 are integers,
    // so compare as integers when the float is that large; otherwise the bignum is larger
    // in magnitude than the float.
    let big_sign = if negative {
        Ordering::Less
    } else {
        Ordering::Greater
    };
    if f.abs() < 9.007_199_254_740_992e15 {
        return big_sign;
    }
    let fi = float_to_bigint(f);
    let mut bytes = Vec::with_capacity(limbs.len() * 8);
    for l in limbs {
        bytes.extend_from_slice(&l.to_le_bytes());
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    BigInt::from_biguint(sign, BigUint::from_bytes_le(&bytes)).cmp(&fi)
}

/// An integral float (|f| >= 2^53) as a `BigInt`, exactly.
fn float_to_bigint(f: f64) -> BigInt {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mag = if exp >= 0 {
        BigInt::from(mant) << exp as usize
    } else {
        BigInt::from(mant >> -exp)
    };
    if f < 0.0 {
        -mag
    } else {
        mag
    }
}

/// Compares a small integer with a float, exactly.
pub fn cmp_small_float(i: i64, f: f64) -> Ordering {
    // Every small integer (|i| < 2^59) converts to f64 with rounding; compare exactly by
    // going through i128 when the float is integral and in range.
    if f >= 9.3e18 {
        return Ordering::Less;
    }
    if f <= -9.3e18 {
        return Ordering::Greater;
    }
    let t = f.trunc();
    let ti = t as i128;
    match (i as i128).cmp(&ti) {
        Ordering::Equal => {
            let frac = f - t;
            if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }
        o => o,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::{Heap, TermAlloc};
    use crate::term::{MAX_SMALL, MIN_SMALL};

    fn round_trip(heap: &mut Heap, n: BigInt) {
        let t = heap.bigint(&n);
        assert_eq!(to_bigint(t), Some(n.clone()), "{n}");
        let fits_small = n >= BigInt::from(MIN_SMALL) && n <= BigInt::from(MAX_SMALL);
        assert_eq!(t.is_small(), fits_small, "{n} small? {fits_small}");
    }

    #[test]
    fn boundaries_of_the_small_range_and_of_machine_words() {
        let mut heap = Heap::default();
        let two = BigInt::from(2);
        for p in [59u32, 60, 63, 64, 65, 127, 128, 200] {
            let x = two.pow(p);
            for d in [-1i32, 0, 1] {
                round_trip(&mut heap, &x + BigInt::from(d));
                round_trip(&mut heap, -(&x + BigInt::from(d)));
            }
        }
        round_trip(&mut heap, BigInt::from(0));
        assert!(heap.int(MAX_SMALL).is_small());
        assert!(!heap.int(MAX_SMALL + 1).is_small());
        assert!(heap.int(MIN_SMALL).is_small());
        assert!(!heap.int(MIN_SMALL - 1).is_small());
        assert_eq!(to_bigint(heap.int(i64::MIN)), Some(BigInt::from(i64::MIN)));
        assert_eq!(
            to_bigint(heap.int128(i128::MAX)),
            Some(BigInt::from(i128::MAX))
        );
        assert_eq!(
            to_bigint(heap.int128(i128::MIN)),
            Some(BigInt::from(i128::MIN))
        );
    }

    #[test]
    fn exact_comparison_with_floats() {
        assert_eq!(cmp_small_float(1, 1.0), Ordering::Equal);
        assert_eq!(cmp_small_float(1, 1.5), Ordering::Less);
        assert_eq!(cmp_small_float(-1, -1.5), Ordering::Greater);
        // 2^53 + 1 is not representable: the float 2^53 is smaller.
        assert_eq!(
            cmp_small_float((1 << 53) + 1, 9_007_199_254_740_992.0),
            Ordering::Greater
        );
        assert_eq!(cmp_small_float(MAX_SMALL, 1e300), Ordering::Less);
        let two64 = [0u64, 1];
        assert_eq!(
            cmp_big_float(false, &two64, 18_446_744_073_709_551_616.0),
            Ordering::Equal
        );
        // 2^64 is about 1.8e19.
        assert_eq!(cmp_big_float(false, &two64, 1e19), Ordering::Greater);
        assert_eq!(cmp_big_float(false, &two64, 2e19), Ordering::Less);
        assert_eq!(cmp_big_float(true, &two64, -1e19), Ordering::Less);
        assert_eq!(cmp_big_float(true, &two64, -2e19), Ordering::Greater);
        assert_eq!(cmp_big_float(false, &[1 << 60], 3.5), Ordering::Greater);
    }
}
