//! Deterministic tests of the heap's policies: promotion, fullsweep_after, growth and
//! shrinking, the virtual binary heap, and release of off-heap buffers.

use beamlet_vm::heap::{sizes, GcKind, HeapConfig};
use beamlet_vm::term::map;
use beamlet_vm::{Heap, Term, TermAlloc};

fn list_of(heap: &mut Heap, n: i64) -> Term {
    let items: Vec<Term> = (0..n).map(|i| Term::small(i).unwrap()).collect();
    heap.list(&items)
}

fn sum(mut t: Term) -> i64 {
    let mut s = 0;
    while let Some((h, tail)) = t.cons() {
        s += h.as_small().unwrap();
        t = tail;
    }
    s
}

#[test]
fn data_that_survives_two_minor_collections_is_promoted() {
    let mut heap = Heap::default();
    let mut roots = vec![list_of(&mut heap, 50)];
    // SAFETY: `roots` holds every live term.
    let first = unsafe { heap.collect(&mut roots, 0) };
    assert_eq!(first.kind, GcKind::Minor);
    assert!(heap.in_young(roots[0].ptr()), "one survival: still young");
    assert_eq!(heap.old_used(), 0);
    // SAFETY: as above.
    unsafe { heap.collect(&mut roots, 0) };
    assert!(heap.in_old(roots[0].ptr()), "two survivals: promoted");
    assert_eq!(heap.old_used(), 100);
    assert_eq!(heap.young_used(), 0);
    assert_eq!(sum(roots[0]), (0..50).sum::<i64>());
}

#[test]
fn a_major_collection_comes_after_fullsweep_after_minor_ones() {
    let config = HeapConfig {
        fullsweep_after: 2,
        ..HeapConfig::default()
    };
    let mut heap = Heap::new(config);
    let mut roots = vec![list_of(&mut heap, 10)];
    let kinds: Vec<GcKind> =
        // SAFETY: `roots` holds every live term.
        (0..6).map(|_| unsafe { heap.collect(&mut roots, 0) }.kind).collect();
    use GcKind::{Major, Minor};
    assert_eq!(kinds, [Minor, Minor, Major, Minor, Minor, Major]);
    assert_eq!(heap.stats().major_gcs, 2);
    assert_eq!(
        heap.stats().minor_gcs,
        0,
        "minor_gcs counts since the last major"
    );
    assert_eq!(sum(roots[0]), 45);
}

#[test]
fn fullsweep_after_zero_makes_every_collection_major() {
    let config = HeapConfig {
        fullsweep_after: 0,
        ..HeapConfig::default()
    };
    let mut heap = Heap::new(config);
    let mut roots = vec![list_of(&mut heap, 10)];
    for _ in 0..3 {
        // SAFETY: `roots` holds every live term.
        assert_eq!(unsafe { heap.collect(&mut roots, 0) }.kind, GcKind::Major);
    }
    assert_eq!(heap.old_heap_size(), 0);
}

#[test]
fn the_heap_grows_with_live_data_and_shrinks_when_it_is_dropped() {
    let mut heap = Heap::default();
    assert_eq!(heap.heap_size(), sizes::MIN_HEAP_SIZE);
    let mut roots = vec![list_of(&mut heap, 20_000)];
    assert!(heap.should_gc(), "40,000 words overflowed a 233-word heap");
    // SAFETY: `roots` holds every live term.
    unsafe { heap.collect_major(&mut roots, 0) };
    assert!(heap.heap_size() >= 40_000);
    assert!(sizes::HEAP_SIZES.contains(&heap.heap_size()));
    assert!(
        4 * heap.young_used() >= heap.heap_size(),
        "not oversized after growing"
    );
    assert_eq!(sum(roots[0]), (0..20_000).sum::<i64>());
    roots.clear();
    // SAFETY: nothing is live.
    unsafe { heap.collect_major(&mut roots, 0) };
    assert_eq!(
        heap.heap_size(),
        sizes::MIN_HEAP_SIZE,
        "shrunk back to the minimum"
    );
}

#[test]
fn a_collection_leaves_room_for_what_the_caller_needs() {
    let mut heap = Heap::default();
    let mut roots = vec![list_of(&mut heap, 100)];
    // SAFETY: `roots` holds every live term.
    unsafe { heap.collect(&mut roots, 5_000) };
    let before = heap.heap_size();
    heap.alloc(5_000);
    assert!(!heap.should_gc() || cfg!(feature = "gc-stress"));
    assert_eq!(heap.heap_size(), before);
}

#[test]
fn hibernation_shrinks_to_the_live_data() {
    let mut heap = Heap::default();
    let keep = list_of(&mut heap, 100);
    let _garbage = list_of(&mut heap, 5_000);
    let mut roots = vec![keep];
    // SAFETY: `roots` holds every live term.
    unsafe { heap.shrink_to_live(&mut roots) };
    assert_eq!(heap.heap_size(), 200);
    assert_eq!(heap.total_heap_size(), 200);
    assert_eq!(sum(roots[0]), 4950);
    // It wakes up and allocates again: the next collection grows it back.
    let more = list_of(&mut heap, 10);
    roots.push(more);
    assert!(heap.should_gc());
    // SAFETY: as above.
    unsafe { heap.collect(&mut roots, 0) };
    assert!(heap.heap_size() >= sizes::MIN_HEAP_SIZE);
    assert_eq!(sum(roots[0]) + sum(roots[1]), 4950 + 45);
}

#[test]
fn off_heap_bytes_make_a_collection_due() {
    let mut heap = Heap::default();
    assert!(!heap.should_gc() || cfg!(feature = "gc-stress"));
    // 46,422 words of virtual binary heap is 371,376 bytes.
    for _ in 0..400 {
        heap.binary(&[0u8; 1000]);
    }
    assert!(
        heap.young_used() < heap.heap_size(),
        "the heap itself is not full"
    );
    assert!(heap.should_gc());
    let mut roots: Vec<Term> = Vec::new();
    // SAFETY: nothing is live.
    unsafe { heap.collect(&mut roots, 0) };
    assert_eq!(heap.vheap_bytes(), 0);
    assert_eq!(heap.off_heap_handles(), (0, 0));
}

#[test]
fn maps_cross_the_flat_limit_both_ways() {
    let mut heap = Heap::default();
    let mut m = map::empty(&mut heap);
    for i in 0..100i64 {
        m = map::put(
            &mut heap,
            m,
            Term::small(i).unwrap(),
            Term::small(-i).unwrap(),
        );
        let n = i as usize + 1;
        assert_eq!(map::size(m), n);
        assert_eq!(
            m.kind().unwrap() == beamlet_vm::term::Kind::FlatMap,
            n <= map::FLAT_MAP_LIMIT
        );
    }
    for i in 0..100i64 {
        assert_eq!(
            map::get(m, Term::small(i).unwrap()).and_then(|v| v.as_small()),
            Some(-i)
        );
    }
    assert!(map::get(m, Term::small(100).unwrap()).is_none());
    let mut roots = vec![m];
    // SAFETY: `roots` holds every live term.
    unsafe { heap.collect_major(&mut roots, 0) };
    m = roots[0];
    for i in (0..100i64).rev() {
        m = map::remove(&mut heap, m, Term::small(i).unwrap());
        let n = i as usize;
        assert_eq!(map::size(m), n);
        assert_eq!(
            m.kind().unwrap() == beamlet_vm::term::Kind::FlatMap,
            n <= map::FLAT_MAP_LIMIT
        );
        assert!(map::get(m, Term::small(i).unwrap()).is_none());
        if n > 0 {
            assert!(map::get(m, Term::small(0).unwrap()).is_some());
        }
    }
    // A flat map lists its keys in order; a HAMT holds them all.
    let pairs: Vec<(Term, Term)> = (0..40)
        .rev()
        .map(|i| (Term::small(i).unwrap(), Term::NIL))
        .collect();
    let big = map::from_pairs(&mut heap, &pairs);
    let keys: Vec<i64> = map::sorted_pairs(big)
        .iter()
        .map(|p| p.0.as_small().unwrap())
        .collect();
    assert_eq!(keys, (0..40).collect::<Vec<_>>());
    let flat = map::from_pairs(&mut heap, &pairs[8..]);
    let keys: Vec<i64> = map::iter(flat).map(|p| p.0.as_small().unwrap()).collect();
    assert_eq!(keys, (0..32).collect::<Vec<_>>());
}

#[test]
fn literals_are_shared_never_copied_or_collected() {
    use beamlet_vm::heap::{literal, Fragment};
    let mut scratch = Heap::default();
    let src = list_of(&mut scratch, 100);
    let lit = literal::make_literal(src).expect("room in the literal area");
    assert!(literal::is_literal(lit.ptr()));
    assert_eq!(sum(lit), 4950);

    // A heap term that holds the literal: the collector leaves the literal where it is.
    let mut heap = Heap::default();
    let holder = heap.tuple(&[lit, Term::small(1).unwrap()]);
    let mut roots = vec![holder, lit];
    // SAFETY: `roots` holds every live term.
    unsafe {
        heap.collect(&mut roots, 0);
        heap.collect_major(&mut roots, 0);
    }
    assert!(roots[1].is(lit));
    assert!(roots[0].tuple().unwrap()[0].is(lit));
    assert_eq!(heap.young_used(), 3, "only the tuple was copied");

    // A send shares it too.
    let (frag, copy) = Fragment::copy_of(roots[0]);
    assert_eq!(frag.used(), 3);
    assert!(copy.tuple().unwrap()[0].is(lit));
    assert!(Fragment::copy_of(lit).1.is(lit));
}
