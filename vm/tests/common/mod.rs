//! Helpers shared by the vm's integration tests.
#![allow(dead_code)]

use beamlet_vm::term::map;
use beamlet_vm::{Atom, Heap, Term, TermAlloc};
use num_bigint::BigInt;

/// An atom term.
pub fn atom(name: &str) -> Term {
    Term::atom(Atom::intern(name).expect("atom"))
}

/// An integer from its decimal text.
pub fn int(heap: &mut Heap, text: &str) -> Term {
    heap.bigint(&text.parse::<BigInt>().expect("integer literal"))
}

/// A bitstring of `bits` bits taken from the top of `bytes`.
pub fn bits(heap: &mut Heap, bytes: &[u8], bits: u64) -> Term {
    let parent = heap.binary(bytes);
    heap.sub_binary(parent, 0, bits)
}

/// The terms of vm/tests/oracle/terms.exs, in the same order.
pub fn oracle_terms(heap: &mut Heap) -> Vec<Term> {
    let small = |i: i64| Term::small(i).expect("small");
    let mut t = Vec::new();
    t.extend([small(0), small(1), small(-1)]);
    for f in [1.0, -0.0, 0.0, 2.5, -2.5] {
        t.push(heap.float(f));
    }
    for s in [
        "576460752303423487",
        "576460752303423488",
        "-576460752303423488",
        "-576460752303423489",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551615",
        "18446744073709551616",
        "-18446744073709551616",
    ] {
        t.push(int(heap, s));
    }
    for f in [1.8446744073709552e19, 1.0e300, -1.0e300] {
        t.push(heap.float(f));
    }
    t.push(int(heap, "9007199254740993"));
    t.push(heap.float(9007199254740992.0));
    for a in ["a", "b", "ab", "nil", "true", "false", "Elixir.Foo", ""] {
        t.push(atom(a));
    }
    t.push(Term::local_ref(12345));
    let module = Atom::intern("Elixir.Oracle").expect("atom");
    t.push(heap.closure(module, 0, 0, &[]));
    let enum_ = Atom::intern("Elixir.Enum").expect("atom");
    let map_ = Atom::intern("map").expect("atom");
    t.push(heap.export(enum_, map_, 2));
    t.push(Term::pid(96));
    // Tuples.
    let (one, two, three) = (small(1), small(2), small(3));
    let f1 = heap.float(1.0);
    t.push(heap.tuple(&[]));
    t.push(heap.tuple(&[one]));
    t.push(heap.tuple(&[one, two]));
    t.push(heap.tuple(&[two]));
    t.push(heap.tuple(&[f1, two]));
    let inner = heap.tuple(&[one, two]);
    t.push(heap.tuple(&[atom("a"), inner]));
    t.push(heap.tuple(&[one, two, three]));
    // Maps.
    let (a, b, x) = (atom("a"), atom("b"), atom("x"));
    t.push(map::from_pairs(heap, &[]));
    t.push(map::from_pairs(heap, &[(a, one)]));
    t.push(map::from_pairs(heap, &[(b, one)]));
    t.push(map::from_pairs(heap, &[(a, two)]));
    t.push(map::from_pairs(heap, &[(one, x)]));
    t.push(map::from_pairs(heap, &[(f1, x)]));
    t.push(map::from_pairs(heap, &[(a, one), (b, two)]));
    t.push(map::from_pairs(heap, &[(a, f1)]));
    let f1b = heap.float(1.0);
    t.push(map::from_pairs(heap, &[(two, a), (f1b, b)]));
    let big33: Vec<(Term, Term)> = (1..=33).map(|i| (small(i), small(i))).collect();
    t.push(map::from_pairs(heap, &big33));
    let mut big33b = big33.clone();
    big33b[32].1 = small(34);
    t.push(map::from_pairs(heap, &big33b));
    let big33c: Vec<(Term, Term)> = (1..=33).map(|i| (heap.float(i as f64), small(i))).collect();
    t.push(map::from_pairs(heap, &big33c));
    // Lists.
    t.push(Term::NIL);
    t.push(heap.list(&[one]));
    t.push(heap.list(&[one, two]));
    t.push(heap.list(&[two]));
    t.push(heap.cons(one, two));
    t.push(heap.list(&[Term::NIL]));
    t.push(heap.list(&[small(97), small(98), small(99)]));
    let f1c = heap.float(1.0);
    t.push(heap.list(&[f1c, two]));
    // Bitstrings.
    t.push(heap.binary(b""));
    t.push(heap.binary(b"a"));
    t.push(heap.binary(b"ab"));
    t.push(heap.binary(b"b"));
    t.push(bits(heap, &[0x80], 1));
    t.push(bits(heap, &[0x02], 7));
    t.push(heap.binary(&[255]));
    t.push(bits(heap, &[128, 0x80], 9));
    t.push(bits(heap, &[0x00], 1));
    t.push(heap.binary(&[7u8; 100]));
    let mut b100 = [7u8; 100];
    b100[99] = 8;
    t.push(heap.binary(&b100));
    t
}

/// Indices of the oracle terms that differ between runs (reference, fun, export, pid).
pub const UNSTABLE: [usize; 4] = [30, 31, 32, 33];

/// `oracle/terms.out` in its two parts: the relation matrix (one row per term), then the
/// lines that follow it (the phash2 table and the sorted list).
pub fn terms_out() -> (Vec<&'static str>, Vec<&'static str>) {
    let text = include_str!("../oracle/terms.out");
    let mut lines = text.lines();
    let n: usize = lines
        .next()
        .expect("count")
        .parse()
        .expect("count is a number");
    let rows: Vec<&str> = lines.by_ref().take(n).collect();
    assert_eq!(
        rows.len(),
        n,
        "terms.out has fewer matrix rows than its count"
    );
    (rows, lines.collect())
}
