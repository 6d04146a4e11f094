//! Micro-benchmarks of the heap (not tests): `cargo bench -p beamlet-vm --bench heap`.
//!
//! Each reports time per word (divan's item counter): bump allocation, a minor collection
//! and a major one per live word, and a deep copy into a message fragment per word. The
//! BEAM's figures for comparison (DEVELOPERS' brief): 2 to 7 ns per live word for a major
//! collection, 1.4 to 2.5 ns per word copied into a message.

use beamlet_vm::heap::Fragment;
use beamlet_vm::{Heap, Term, TermAlloc};
use divan::counter::ItemsCount;
use divan::Bencher;

fn main() {
    divan::main();
}

/// A list of `n` two-tuples `{i, [i]}`: 7 words per element, pointers of both kinds.
fn live_data(heap: &mut Heap, n: usize) -> (Term, usize) {
    let mut list = Term::NIL;
    for i in 0..n {
        let x = Term::small(i as i64).unwrap_or(Term::NIL);
        let inner = heap.cons(x, Term::NIL);
        let t = heap.tuple(&[x, inner]);
        list = heap.cons(t, list);
    }
    (list, 7 * n)
}

const SIZES: [usize; 2] = [1_000, 100_000];

#[divan::bench(args = SIZES)]
fn alloc_cons_per_word(bencher: Bencher, n: usize) {
    bencher
        .counter(ItemsCount::new(2 * n))
        .with_inputs(|| {
            let mut heap = Heap::default();
            // Make the young generation large enough that the loop only bumps.
            let mut roots: Vec<Term> = Vec::new();
            // SAFETY: nothing is live.
            unsafe { heap.collect(&mut roots, 2 * n) };
            heap
        })
        .bench_local_values(|mut heap| {
            let mut list = Term::NIL;
            for i in 0..n {
                list = heap.cons(Term::small(i as i64).unwrap_or(Term::NIL), list);
            }
            divan::black_box(list);
            heap
        });
}

#[divan::bench(args = SIZES)]
fn minor_gc_per_live_word(bencher: Bencher, n: usize) {
    bencher
        .counter(ItemsCount::new(7 * n))
        .with_inputs(|| {
            let mut heap = Heap::default();
            let (t, _) = live_data(&mut heap, n);
            (heap, vec![t])
        })
        .bench_local_values(|(mut heap, mut roots)| {
            // SAFETY: `roots` holds every live term.
            unsafe { heap.collect(&mut roots, 0) };
            (heap, roots)
        });
}

#[divan::bench(args = SIZES)]
fn major_gc_per_live_word(bencher: Bencher, n: usize) {
    bencher
        .counter(ItemsCount::new(7 * n))
        .with_inputs(|| {
            let mut heap = Heap::default();
            let (t, _) = live_data(&mut heap, n);
            let mut roots = vec![t];
            // Half of it old, half young: the mix a fullsweep sees.
            // SAFETY: `roots` holds every live term.
            unsafe {
                heap.collect(&mut roots, 0);
                heap.collect(&mut roots, 0);
            }
            let (t2, _) = live_data(&mut heap, n);
            roots.push(t2);
            (heap, roots)
        })
        .input_counter(move |_| ItemsCount::new(14 * n))
        .bench_local_values(|(mut heap, mut roots)| {
            // SAFETY: `roots` holds every live term.
            unsafe { heap.collect_major(&mut roots, 0) };
            (heap, roots)
        });
}

#[divan::bench(args = SIZES)]
fn copy_to_fragment_per_word(bencher: Bencher, n: usize) {
    let mut heap = Heap::default();
    let (t, words) = live_data(&mut heap, n);
    bencher
        .counter(ItemsCount::new(words))
        .bench_local(|| Fragment::copy_of(divan::black_box(t)));
}
