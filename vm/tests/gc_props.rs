//! Property tests of the heap and the collector: random term graphs, built on a heap and
//! held as roots, survive any interleaving of allocation, garbage, minor and major
//! collections, hibernation, sends (copy into a fragment, attach) and binary appends, and
//! stay equal to a model kept on the Rust side. After every collection no pointer goes from
//! the old generation into the young one, and every root points into the heap.
//!
//! With `--features gc-stress` the heap asks for a collection at every safepoint, and the
//! driver below collects after every operation.

use beamlet_vm::heap::{Fragment, HeapConfig};
use beamlet_vm::term::{bignum, map};
use beamlet_vm::{binary, Atom, Heap, Term, TermAlloc};
use num_bigint::BigInt;
use proptest::prelude::*;

/// The model of a term.
#[derive(Clone, Debug)]
enum M {
    Int(i128),
    Float(f64),
    Atom(u8),
    Nil,
    Bin(Vec<u8>),
    Tuple(Vec<M>),
    List(Vec<M>),
    /// Keys are small integers; a later pair wins.
    Map(Vec<(i64, M)>),
}

fn atom(k: u8) -> Term {
    Term::atom(Atom::intern(&format!("gc_prop_{k}")).expect("atom"))
}

fn build(heap: &mut Heap, m: &M) -> Term {
    match m {
        M::Int(i) => heap.int128(*i),
        M::Float(f) => heap.float(*f),
        M::Atom(k) => atom(*k),
        M::Nil => Term::NIL,
        M::Bin(b) => heap.binary(b),
        M::Tuple(v) => {
            let elems: Vec<Term> = v.iter().map(|x| build(heap, x)).collect();
            heap.tuple(&elems)
        }
        M::List(v) => {
            let elems: Vec<Term> = v.iter().map(|x| build(heap, x)).collect();
            heap.list(&elems)
        }
        M::Map(pairs) => {
            let pairs: Vec<(Term, Term)> = pairs
                .iter()
                .map(|(k, v)| (Term::small(*k).expect("small key"), build(heap, v)))
                .collect();
            map::from_pairs(heap, &pairs)
        }
    }
}

fn check(t: Term, m: &M) -> Result<(), String> {
    let ok = match m {
        M::Int(i) => bignum::to_bigint(t) == Some(BigInt::from(*i)),
        M::Float(f) => t.as_float() == Some(*f),
        M::Atom(k) => t.is(atom(*k)),
        M::Nil => t.is_nil(),
        M::Bin(b) => binary::bytes(t) == Some(&b[..]),
        M::Tuple(v) => {
            let Some(elems) = t.tuple() else {
                return Err(format!("{t:?} is not a tuple"));
            };
            if elems.len() != v.len() {
                return Err(format!("{t:?}: arity {} != {}", elems.len(), v.len()));
            }
            for (e, x) in elems.iter().zip(v) {
                check(*e, x)?;
            }
            true
        }
        M::List(v) => {
            let mut cur = t;
            for x in v {
                let Some((h, tail)) = cur.cons() else {
                    return Err(format!("{t:?} too short"));
                };
                check(h, x)?;
                cur = tail;
            }
            cur.is_nil()
        }
        M::Map(pairs) => {
            let mut expected: Vec<(i64, &M)> = Vec::new();
            for (k, v) in pairs {
                expected.retain(|(ek, _)| ek != k);
                expected.push((*k, v));
            }
            if map::size(t) != expected.len() || !t.is_map() {
                return Err(format!(
                    "{t:?}: size {} != {}",
                    map::size(t),
                    expected.len()
                ));
            }
            for (k, v) in expected {
                match map::get(t, Term::small(k).expect("small")) {
                    Some(got) => check(got, v)?,
                    None => return Err(format!("{t:?}: key {k} missing")),
                }
            }
            true
        }
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{t:?} does not match {m:?}"))
    }
}

fn model() -> impl Strategy<Value = M> {
    let leaf = prop_oneof![
        any::<i64>().prop_map(|i| M::Int(i as i128)),
        any::<i128>().prop_map(M::Int),
        (-1e9..1e9f64).prop_map(M::Float),
        (0u8..5).prop_map(M::Atom),
        Just(M::Nil),
        prop::collection::vec(any::<u8>(), 0..10).prop_map(M::Bin),
        prop::collection::vec(any::<u8>(), 60..200).prop_map(M::Bin),
    ];
    leaf.prop_recursive(4, 96, 10, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(M::Tuple),
            prop::collection::vec(inner.clone(), 0..10).prop_map(M::List),
            prop::collection::vec((0i64..60, inner), 0..45).prop_map(M::Map),
        ]
    })
}

#[derive(Clone, Debug)]
enum Op {
    Alloc(M),
    Pair(usize, usize),
    Drop(usize),
    Garbage(usize),
    Collect,
    Major,
    Hibernate,
    Send(usize),
    Append(usize, Vec<u8>),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => model().prop_map(Op::Alloc),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::Pair(a, b)),
        2 => any::<usize>().prop_map(Op::Drop),
        2 => (0usize..2000).prop_map(Op::Garbage),
        2 => Just(Op::Collect),
        1 => Just(Op::Major),
        1 => Just(Op::Hibernate),
        2 => any::<usize>().prop_map(Op::Send),
        2 => (any::<usize>(), prop::collection::vec(any::<u8>(), 0..40)).prop_map(|(i, b)| Op::Append(i, b)),
    ]
}

fn check_heap(heap: &Heap, roots: &[Term], models: &[M]) -> Result<(), String> {
    for (t, m) in roots.iter().zip(models) {
        check(*t, m)?;
        if t.is_pointer() && !heap.in_young(t.ptr()) && !heap.in_old(t.ptr()) {
            return Err(format!("root {t:?} points outside the heap"));
        }
    }
    let mut bad = None;
    heap.each_old_term(&mut |t| {
        if t.is_pointer() && heap.in_young(t.ptr()) {
            bad = Some(t);
        }
    });
    match bad {
        Some(t) => Err(format!("old generation points into the young one: {t:?}")),
        None => Ok(()),
    }
}

fn run(config: HeapConfig, ops: Vec<Op>) -> Result<(), TestCaseError> {
    let mut heap = Heap::new(config);
    let mut roots: Vec<Term> = Vec::new();
    let mut models: Vec<M> = Vec::new();
    for op in ops {
        let n = roots.len();
        match op {
            Op::Alloc(m) => {
                roots.push(build(&mut heap, &m));
                models.push(m);
            }
            Op::Pair(a, b) if n > 0 => {
                let (a, b) = (a % n, b % n);
                roots.push(heap.tuple(&[roots[a], roots[b]]));
                models.push(M::Tuple(vec![models[a].clone(), models[b].clone()]));
            }
            Op::Drop(i) if n > 0 => {
                roots.swap_remove(i % n);
                models.swap_remove(i % n);
            }
            Op::Garbage(words) => {
                let items: Vec<Term> = (0..words / 2)
                    .map(|i| Term::small(i as i64).expect("small"))
                    .collect();
                heap.list(&items);
            }
            // SAFETY (all three): `roots` holds every live term of the heap.
            Op::Collect => {
                unsafe { heap.collect(&mut roots, 0) };
            }
            Op::Major => {
                unsafe { heap.collect_major(&mut roots, 0) };
            }
            Op::Hibernate => {
                unsafe { heap.shrink_to_live(&mut roots) };
                prop_assert_eq!(
                    heap.young_used().max(1),
                    heap.heap_size(),
                    "hibernated heap is exactly live"
                );
            }
            Op::Send(i) if n > 0 => {
                let (frag, copy) = Fragment::copy_of(roots[i % n]);
                heap.attach(frag);
                roots.push(copy);
                models.push(models[i % n].clone());
            }
            Op::Append(i, more) if n > 0 => {
                if let M::Bin(b) = &models[i % n] {
                    let mut b = b.clone();
                    let t = binary::append(&mut heap, roots[i % n], &more).expect("binary");
                    b.extend_from_slice(&more);
                    roots.push(t);
                    models.push(M::Bin(b));
                }
            }
            _ => {}
        }
        if heap.should_gc() {
            // SAFETY: as above.
            unsafe { heap.collect(&mut roots, 0) };
        }
        check_heap(&heap, &roots, &models).map_err(TestCaseError::fail)?;
    }
    // Everything dropped: a major collection leaves nothing, and no handle is listed.
    roots.clear();
    // SAFETY: nothing is live.
    unsafe { heap.collect_major(&mut roots, 0) };
    prop_assert_eq!(heap.young_used(), 0);
    prop_assert_eq!(heap.off_heap_handles(), (0, 0));
    Ok(())
}

fn configs() -> impl Strategy<Value = HeapConfig> {
    (
        prop_oneof![Just(12usize), Just(38), Just(233)],
        prop_oneof![Just(0u32), Just(1), Just(3), Just(65_535)],
    )
        .prop_map(|(min, fullsweep)| HeapConfig {
            min_heap_size: min,
            min_bin_vheap_size: 46_422,
            fullsweep_after: fullsweep,
        })
}

proptest! {
    // 96 cases by default; PROPTEST_CASES=N runs more (or fewer, under valgrind).
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(96),
        ..ProptestConfig::default()
    })]

    #[test]
    fn term_graphs_survive_any_interleaving(config in configs(), ops in prop::collection::vec(op(), 1..60)) {
        run(config, ops)?;
    }

    #[test]
    fn a_copy_in_a_fragment_equals_the_original(m in model()) {
        let mut heap = Heap::default();
        let t = build(&mut heap, &m);
        let (frag, copy) = Fragment::copy_of(t);
        prop_assert!(beamlet_vm::term::order::exact_eq(t, copy));
        check(copy, &m).map_err(TestCaseError::fail)?;
        let mut other = Heap::default();
        other.attach(frag);
        let mut roots = vec![copy];
        // SAFETY: `roots` holds the only live term of `other`.
        unsafe { other.collect(&mut roots, 0) };
        check(roots[0], &m).map_err(TestCaseError::fail)?;
        prop_assert!(beamlet_vm::term::order::exact_eq(t, roots[0]));
    }
}
