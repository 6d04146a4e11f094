//! `:erlang.phash2/1,2` against real Elixir (OTP 25).
//!
//! Two oracles, both printed by running `elixir` (scripts/regen-oracles.sh), never written
//! by hand:
//! - tests/oracle/terms.out: after the comparison matrix, `INDEX PHASH2 PHASH2_1000` for
//!   every deterministic term of tests/oracle/terms.exs (built by `common::oracle_terms`).
//! - tests/oracle/phash2.out: `NAME PHASH2 PHASH2_1000 PHASH2_2^32 PHASH2_7` for the terms
//!   of tests/oracle/phash2.exs, which [`phash2_terms`] builds again here under the same
//!   names.

mod common;

use std::collections::HashMap;

use beamlet_vm::term::map;
use beamlet_vm::term::phash2::{phash2, phash2_range};
use beamlet_vm::{Atom, Heap, Term, TermAlloc};
use num_bigint::BigInt;

use common::{atom, bits, int};

/// The `INDEX PHASH2 RANGE` lines of terms.out.
fn terms_oracle() -> Vec<(usize, u32, u32)> {
    common::terms_out()
        .1
        .into_iter()
        .map_while(|line| {
            let mut f = line.split(' ');
            let i = f.next()?.parse().ok()?;
            let h = f.next()?.parse().ok()?;
            let r = f.next()?.parse().ok()?;
            Some((i, h, r))
        })
        .collect()
}

#[test]
fn terms_oracle_hashes_match() {
    let mut heap = Heap::default();
    let terms = common::oracle_terms(&mut heap);
    let expected = terms_oracle();
    assert_eq!(
        expected.len(),
        terms.len() - common::UNSTABLE.len(),
        "one line per stable term"
    );
    let mut wrong = Vec::new();
    for (i, h, r) in expected {
        let t = terms[i];
        let (got_h, got_r) = (phash2(t), phash2_range(t, 1000));
        if (got_h, got_r) != (h, r) {
            wrong.push(format!("{i}: {t:?}: elixir {h} {r}, ours {got_h} {got_r}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// One line of phash2.out.
struct Expected {
    phash2: u32,
    r1000: u32,
    full: u32,
    r7: u32,
}

fn phash2_oracle() -> Vec<(String, Expected)> {
    include_str!("oracle/phash2.out")
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split(' ').collect();
            assert_eq!(f.len(), 5, "bad oracle line {line:?}");
            let n = |i: usize| f[i].parse::<u32>().expect("number");
            (
                f[0].to_owned(),
                Expected {
                    phash2: n(1),
                    r1000: n(2),
                    full: n(3),
                    r7: n(4),
                },
            )
        })
        .collect()
}

fn small(i: i64) -> Term {
    Term::small(i).expect("small")
}

fn big(heap: &mut Heap, n: BigInt) -> Term {
    heap.bigint(&n)
}

fn pow2(e: u32) -> BigInt {
    BigInt::from(1) << e
}

/// The bytes `(i * 7 + 3) rem 256` for `i` in `0..n` (the pattern phash2.exs uses).
fn pattern(n: usize) -> Vec<u8> {
    (0..n).map(|i| ((i * 7 + 3) % 256) as u8).collect()
}

/// A bitstring of `size` bits whose bits are those of `value` (big-endian, as
/// `<<value::size(size)>>`), built unaligned: it starts `skew` bits into its parent.
fn bitstring(heap: &mut Heap, value: &BigInt, size: u64, skew: u64) -> Term {
    // The bits of value, left-aligned in whole bytes.
    let nbytes = size.div_ceil(8) as usize;
    let shifted: BigInt = value << (nbytes as u64 * 8 - size);
    let (_, mut raw) = shifted.to_bytes_be();
    while raw.len() < nbytes {
        raw.insert(0, 0);
    }
    if skew == 0 {
        return bits(heap, &raw, size);
    }
    // Shift right by `skew` bits into a parent one byte longer, with junk around.
    let mut parent = vec![0u8; nbytes + 1];
    for (i, &b) in raw.iter().enumerate() {
        parent[i] |= b >> skew;
        parent[i + 1] |= b << (8 - skew);
    }
    parent[0] |= 0xFF << (8 - skew);
    let p = heap.binary(&parent);
    heap.sub_binary(p, skew, size)
}

/// A string as a list of code points (a charlist).
fn charlist(heap: &mut Heap, s: &str) -> Term {
    let items: Vec<Term> = s.chars().map(|c| small(c as i64)).collect();
    heap.list(&items)
}

/// A map `%{i => i * 10}` for `i` in `1..=n` (values as phash2.exs builds them).
fn int_map(heap: &mut Heap, n: i64) -> Term {
    let pairs: Vec<(Term, Term)> = (1..=n).map(|i| (small(i), small(i * 10))).collect();
    map::from_pairs(heap, &pairs)
}

/// `[t]` nested `depth` times around `[]`.
fn nested_lists(heap: &mut Heap, depth: usize) -> Term {
    let mut t = Term::NIL;
    for _ in 0..depth {
        t = heap.list(&[t]);
    }
    t
}

/// The terms of tests/oracle/phash2.exs, by name.
fn phash2_terms(heap: &mut Heap) -> Vec<(String, Term)> {
    let mut out: Vec<(String, Term)> = Vec::new();
    let mut add = |name: &str, t: Term| out.push((name.to_owned(), t));

    // Integers around the small/big and word boundaries.
    for e in [27u32, 28, 31, 32, 59, 60, 63, 64, 65, 96, 128, 200] {
        for d in [-1i64, 0, 1] {
            let n = pow2(e) + d;
            add(&format!("int_2^{e}{d:+}"), big(heap, n.clone()));
            add(&format!("int_-2^{e}{d:+}"), big(heap, -n));
        }
    }
    for i in [
        0i64, 1, -1, 2, -2, 42, -42, 255, 256, -255, 1000, 123456789, -123456789,
    ] {
        add(&format!("int_{i}"), small(i));
    }
    let f30: BigInt = (1..=30u32).map(BigInt::from).product();
    add("int_fact30", big(heap, f30.clone()));
    add("int_-fact30", big(heap, -f30));
    let t50 = BigInt::from(10).pow(50);
    add("int_10^50", big(heap, t50.clone()));
    add("int_-10^50", big(heap, -t50));

    // Floats.
    for (name, f) in [
        ("0.0", 0.0),
        ("-0.0", -0.0),
        ("1.0", 1.0),
        ("-1.0", -1.0),
        ("0.1", 0.1),
        ("-0.1", -0.1),
        ("pi", std::f64::consts::PI),
        ("1e-300", 1.0e-300),
        ("5e-324", 5.0e-324),
        ("max", f64::MAX),
        ("-max", -f64::MAX),
        ("2^53", 9007199254740992.0),
        ("2^64", 18446744073709551616.0),
        ("1e15", 1.0e15),
    ] {
        add(&format!("float_{name}"), heap.float(f));
    }

    // Atoms.
    for (name, a) in [
        ("a", "a"),
        ("ok", "ok"),
        ("nil", "nil"),
        ("true", "true"),
        ("empty", ""),
        ("elixir_mod", "Elixir.Enum.Map.Very.Long.Module.Name"),
        ("abcdefghij", "abcdefghij"),
        ("latin1", "héllo"),
        ("latin1_y", "ÿ"),
        ("latin1_nbsp", "a\u{a0}b"),
        ("u0100", "Ā"),
        ("cjk", "日本語"),
        ("emoji", "🙂x"),
        ("mixed", "zé日🙂"),
    ] {
        add(&format!("atom_{name}"), atom(a));
    }
    let long: String = (0..255).map(|i| (b'a' + (i % 26) as u8) as char).collect();
    add("atom_long255", atom(&long));
    let long_u: String = "é".repeat(255);
    add("atom_long_latin1", atom(&long_u));
    let long_cjk: String = "語".repeat(255);
    add("atom_long_cjk", atom(&long_cjk));

    // Lists.
    add("list_nil", Term::NIL);
    for n in 1..=9usize {
        let items: Vec<Term> = (1..=n as i64).map(small).collect();
        add(&format!("list_bytes_{n}"), heap.list(&items));
    }
    add("list_255_0", heap.list(&[small(255), small(0)]));
    add("list_256", heap.list(&[small(256)]));
    add("list_-1", heap.list(&[small(-1)]));
    add("list_1_256_2", heap.list(&[small(1), small(256), small(2)]));
    let l = heap.list(&[
        small(1),
        small(2),
        small(3),
        small(4),
        small(5),
        atom("a"),
        small(6),
        small(7),
    ]);
    add("list_bytes_atom_bytes", l);
    add("charlist_hello", charlist(heap, "hello world"));
    add("charlist_unicode", charlist(heap, "héllo 日本"));
    add("list_atoms", heap.list(&[atom("a"), atom("b"), atom("c")]));
    let one_float = heap.float(1.0);
    add("list_float", heap.list(&[one_float]));
    add("list_nil_nil", heap.list(&[Term::NIL, Term::NIL]));
    add("improper_1_2", heap.cons(small(1), small(2)));
    add("improper_a_b", heap.cons(atom("a"), atom("b")));
    let t = heap.improper_list(&[small(1), small(2), small(3)], atom("x"));
    add("improper_bytes_atom", t);
    let ab = heap.binary(b"ab");
    let t = heap.improper_list(&[small(1), small(2)], ab);
    add("improper_bytes_bin", t);
    let e = heap.tuple(&[]);
    add("improper_nil_tuple", heap.cons(Term::NIL, e));
    let big64 = big(heap, pow2(64));
    add("list_big", heap.list(&[big64]));
    add("nested_list_5", nested_lists(heap, 5));
    let items: Vec<Term> = (0..1000).map(|i| small(i % 300)).collect();
    add("list_1000_mixed", heap.list(&items));

    // Tuples.
    add("tuple_empty", heap.tuple(&[]));
    add("tuple_1", heap.tuple(&[small(1)]));
    add("tuple_nil", heap.tuple(&[Term::NIL]));
    add("tuple_nil_nil", heap.tuple(&[Term::NIL, Term::NIL]));
    add("tuple_atoms", heap.tuple(&[atom("ok"), atom("error")]));
    let inner = heap.tuple(&[]);
    let mid = heap.tuple(&[inner]);
    add("tuple_nested_3", heap.tuple(&[mid]));
    let t3 = heap.tuple(&[small(3)]);
    let t2 = heap.tuple(&[small(2), t3]);
    let t1 = heap.tuple(&[small(1)]);
    add("tuple_nested_mix", heap.tuple(&[t1, t2]));
    let empty_map = map::from_pairs(heap, &[]);
    let s = heap.binary(b"b");
    let c = charlist(heap, "c");
    let f = heap.float(1.5);
    let imp = heap.cons(small(1), small(2));
    add(
        "tuple_kinds",
        heap.tuple(&[atom("a"), s, c, f, imp, empty_map]),
    );
    let elems: Vec<Term> = (0..100).map(small).collect();
    add("tuple_100", heap.tuple(&elems));

    // Maps.
    add("map_empty", map::from_pairs(heap, &[]));
    for n in [1i64, 2, 31, 32, 33, 64, 100, 1000] {
        add(&format!("map_{n}"), int_map(heap, n));
    }
    let pairs: Vec<(Term, Term)> = (0..100)
        .map(|i| {
            let k = Atom::intern(&format!("k{i}")).expect("atom");
            let s = heap.binary(format!("v{i}").as_bytes());
            (Term::atom(k), s)
        })
        .collect();
    add("map_100_atoms", map::from_pairs(heap, &pairs));
    let inner = map::from_pairs(heap, &[(atom("b"), small(1))]);
    let e = map::from_pairs(heap, &[]);
    let l = heap.list(&[e]);
    add(
        "map_nested",
        map::from_pairs(heap, &[(atom("a"), inner), (atom("c"), l)]),
    );
    let m33 = int_map(heap, 33);
    let m2 = int_map(heap, 2);
    let k = heap.tuple(&[small(1), small(2)]);
    add(
        "map_of_maps",
        map::from_pairs(heap, &[(atom("x"), m33), (k, m2)]),
    );
    let kb = big(heap, pow2(64));
    let z = heap.float(-0.0);
    add("map_big_key", map::from_pairs(heap, &[(kb, z)]));
    let m = int_map(heap, 3);
    let tm = heap.tuple(&[m, atom("after")]);
    add("tuple_map_then_atom", tm);
    let m = int_map(heap, 40);
    let tm = heap.tuple(&[m, small(7)]);
    add("tuple_bigmap_then_int", tm);

    // Binaries and bitstrings.
    for n in 0..=20usize {
        let b = heap.binary(&pattern(n));
        add(&format!("bin_{n}"), b);
    }
    for n in [63usize, 64, 65, 100, 1000, 100_000] {
        let b = heap.binary(&pattern(n));
        add(&format!("bin_{n}"), b);
    }
    for (size, value) in [
        (1u64, 1u64),
        (3, 5),
        (5, 17),
        (7, 100),
        (9, 300),
        (11, 1234),
        (13, 5000),
        (15, 30000),
        (17, 100_000),
        (23, 0x7F_FFFF),
        (31, 0x1234_5678),
        (33, 0x1_2345_6789),
        (99, 0x0123_4567_89AB_CDEF),
    ] {
        let v = BigInt::from(value);
        let t = bitstring(heap, &v, size, 0);
        add(&format!("bits_{size}"), t);
        let t = bitstring(heap, &v, size, 3);
        add(&format!("bits_{size}_unaligned"), t);
    }
    let whole = heap.binary(&pattern(100));
    add("bin_100_unaligned_part", heap.sub_binary(whole, 5, 8 * 70));
    add("bin_100_aligned_part", heap.sub_binary(whole, 8, 8 * 70));
    add(
        "bits_100_unaligned_odd",
        heap.sub_binary(whole, 5, 8 * 70 + 3),
    );
    let big_bits: BigInt = BigInt::from_bytes_be(num_bigint::Sign::Plus, &pattern(130)) >> 5;
    let t = bitstring(heap, &big_bits, 130 * 8 - 5, 0);
    add("bits_1035", t);
    let t = bitstring(heap, &big_bits, 130 * 8 - 5, 6);
    add("bits_1035_unaligned", t);

    // Binaries inside containers: the seed depends on the hash so far.
    let b = heap.binary(b"");
    add("tuple_emptybin", heap.tuple(&[b]));
    let b = heap.binary(b"abc");
    let t = heap.tuple(&[atom("a"), b]);
    add("tuple_atom_bin", t);
    let b = heap.binary(b"abc");
    add("list_bin", heap.list(&[b]));

    // External funs hash exactly.
    let enum_ = Atom::intern("Elixir.Enum").expect("atom");
    let erlang = Atom::intern("erlang").expect("atom");
    let lists = Atom::intern("lists").expect("atom");
    let map_ = Atom::intern("map").expect("atom");
    let phash2_ = Atom::intern("phash2").expect("atom");
    let reverse = Atom::intern("reverse").expect("atom");
    add("export_enum_map_2", heap.export(enum_, map_, 2));
    add("export_erlang_phash2_1", heap.export(erlang, phash2_, 1));
    let ex = heap.export(lists, reverse, 1);
    add("tuple_export", heap.tuple(&[ex, ex]));

    // Pids, ports and references whose payload is the BEAM's number.
    add("pid_0_96_0", Term::pid(96));
    add("pid_0_1_0", Term::pid(1));
    add("pid_0_32767_0", Term::pid(32767));
    add("port_0_5", Term::port(5));
    add("port_0_70000", Term::port(70000));
    add("ref_0_0_0_12345", Term::local_ref(12345));
    add("ref_0_0_0_0", Term::local_ref(0));
    let p = Term::pid(96);
    let r = Term::local_ref(7);
    add("tuple_pid_ref", heap.tuple(&[p, r, Term::port(3)]));

    // Deep and long terms (the explicit work stack).
    let mut t = heap.tuple(&[]);
    for _ in 0..100_000 {
        t = heap.tuple(&[t]);
    }
    add("deep_tuple_100000", t);
    add("deep_list_100000", nested_lists(heap, 100_000));
    let items: Vec<Term> = (0..1_000_000).map(|i| small(i % 1000)).collect();
    add("long_list_1000000", heap.list(&items));
    let mut t = Term::NIL;
    for i in 0..200_000 {
        let pair = heap.tuple(&[small(i), atom("x")]);
        t = heap.cons(pair, t);
    }
    add("long_tuple_list_200000", t);
    let mut m = map::from_pairs(heap, &[]);
    for _ in 0..10_000 {
        m = map::from_pairs(heap, &[(atom("m"), m)]);
    }
    add("deep_map_10000", m);

    out
}

#[test]
fn phash2_oracle_hashes_match() {
    let mut heap = Heap::default();
    let terms = phash2_terms(&mut heap);
    let expected = phash2_oracle();
    let by_name: HashMap<&str, &Expected> = expected.iter().map(|(n, e)| (n.as_str(), e)).collect();
    assert_eq!(by_name.len(), expected.len(), "oracle names are unique");
    let built: Vec<&str> = terms.iter().map(|(n, _)| n.as_str()).collect();
    let oracle_names: Vec<&str> = expected.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        built, oracle_names,
        "phash2.exs and this test list the same terms in order"
    );
    let mut wrong = Vec::new();
    for (name, t) in &terms {
        let e = by_name[name.as_str()];
        let got = (
            phash2(*t),
            phash2_range(*t, 1000),
            phash2_range(*t, 0),
            phash2_range(*t, 7),
        );
        if got != (e.phash2, e.r1000, e.full, e.r7) {
            wrong.push(format!(
                "{name}: elixir {} {} {} {}, ours {} {} {} {}",
                e.phash2, e.r1000, e.full, e.r7, got.0, got.1, got.2, got.3
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wrong:\n{}",
        wrong.len(),
        terms.len(),
        wrong.join("\n")
    );
}

#[test]
fn very_long_and_very_deep_terms_do_not_overflow_the_stack() {
    let mut heap = Heap::default();
    // Ten million elements, not bytes (each is hashed as a term of its own).
    let mut list = Term::NIL;
    let a = atom("x");
    for _ in 0..10_000_000 {
        list = heap.cons(a, list);
    }
    let _ = phash2(list);
    let mut t = heap.tuple(&[]);
    for _ in 0..1_000_000 {
        t = heap.tuple(&[t]);
    }
    let _ = phash2(t);
}

#[test]
fn equal_maps_hash_alike_whatever_their_build_order() {
    let mut heap = Heap::default();
    let pairs: Vec<(Term, Term)> = (0..50).map(|i| (small(i), small(-i))).collect();
    let a = map::from_pairs(&mut heap, &pairs);
    let mut b = map::from_pairs(&mut heap, &[]);
    for &(k, v) in pairs.iter().rev() {
        b = map::put(&mut heap, b, k, v);
    }
    assert_eq!(phash2_range(a, 0), phash2_range(b, 0));
}

#[test]
fn range_one_is_zero_and_ranges_divide_the_full_hash() {
    let mut heap = Heap::default();
    let t = int(&mut heap, "123456789012345678901234567890");
    let full = phash2_range(t, 0);
    assert_eq!(phash2_range(t, 1), 0);
    assert_eq!(phash2(t), full & ((1 << 27) - 1));
    assert_eq!(phash2_range(t, u32::MAX), full % u32::MAX);
}
