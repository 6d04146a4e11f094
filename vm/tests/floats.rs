//! Float edge cases in the term order and equality (OTP 25 semantics).

use std::cmp::Ordering;

use beamlet_vm::term::map;
use beamlet_vm::term::order::{cmp_key, compare, eq, exact_eq};
use beamlet_vm::{Heap, Term, TermAlloc};
use num_bigint::BigInt;

#[test]
fn zero_and_negative_zero_are_exactly_equal_in_otp_25() {
    let mut heap = Heap::default();
    let (z, nz) = (heap.float(0.0), heap.float(-0.0));
    assert!(exact_eq(z, nz));
    assert!(eq(z, Term::small(0).unwrap()));
    assert!(!exact_eq(z, Term::small(0).unwrap()));
    // As map keys they are one key.
    let m = map::from_pairs(&mut heap, &[(z, Term::TRUE), (nz, Term::FALSE)]);
    assert_eq!(map::size(m), 1);
}

#[test]
fn extremes_order_by_value() {
    let mut heap = Heap::default();
    let values = [
        -f64::MAX,
        -1.0,
        -f64::MIN_POSITIVE,
        -5e-324,
        0.0,
        5e-324,
        f64::MIN_POSITIVE,
        1.0,
        f64::MAX,
    ];
    let terms: Vec<Term> = values.iter().map(|&f| heap.float(f)).collect();
    for w in terms.windows(2) {
        assert_eq!(
            compare(w[0], w[1]),
            Ordering::Less,
            "{:?} < {:?}",
            w[0],
            w[1]
        );
    }
    // Every float is a number, below every atom.
    assert_eq!(compare(terms[8], Term::NIL_ATOM), Ordering::Less);
}

#[test]
fn integral_floats_equal_bignums_but_are_not_exact() {
    let mut heap = Heap::default();
    let two63 = heap.bigint(&(BigInt::from(1) << 63));
    let f = heap.float(9_223_372_036_854_775_808.0);
    assert!(eq(two63, f));
    assert!(!exact_eq(two63, f));
    assert_eq!(
        cmp_key(two63, f),
        Ordering::Less,
        "integers sort before floats as keys"
    );
    let above = heap.bigint(&((BigInt::from(1) << 63) + 1));
    assert_eq!(compare(above, f), Ordering::Greater);
    let one = Term::small(1).unwrap();
    let onef = heap.float(1.0);
    let m = map::from_pairs(&mut heap, &[(one, Term::TRUE), (onef, Term::FALSE)]);
    assert_eq!(map::size(m), 2, "1 and 1.0 are different keys");
    assert!(map::get(m, onef).unwrap().is(Term::FALSE));
}
