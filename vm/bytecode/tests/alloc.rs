//! The decoder never trusts a count: a hostile file cannot make it reserve more memory
//! than a small multiple of the file's own size. Measured with a counting allocator
//! (per thread, so tests running side by side do not disturb each other).
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use beamlet_bytecode::{module::MAGIC, DecodeError, Module, FORMAT_VERSION};

struct Counting;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn note(grow: isize) {
    // `try_with`: the allocator also runs while thread-locals are being torn down.
    let _ = LIVE.try_with(|live| {
        let now = live.get().saturating_add_signed(grow);
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        note(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The most bytes live at once on this thread while `f` runs, beyond those live before.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let out = f();
    (out, PEAK.with(Cell::get) - base)
}

fn header() -> Vec<u8> {
    let mut b = MAGIC.to_vec();
    b.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    b.extend_from_slice(&0u32.to_le_bytes()); // name
    b.extend_from_slice(&0u32.to_le_bytes()); // file ""
    b
}

fn u32s(b: &mut Vec<u8>, xs: &[u32]) {
    for x in xs {
        b.extend_from_slice(&x.to_le_bytes());
    }
}

#[test]
fn a_count_of_u32_max_allocates_nothing_much() {
    // Each table in turn claims 0xFFFF_FFFF entries after the ones before it are empty.
    for empty_before in 0..5 {
        let mut b = header();
        u32s(&mut b, &vec![0; empty_before]);
        u32s(&mut b, &[u32::MAX]);
        b.extend_from_slice(&[0; 64]);
        let (r, peak) = peak_of(|| Module::decode(&b));
        assert_eq!(r, Err(DecodeError::Truncated), "table {empty_before}");
        assert!(peak < 64 * 1024, "table {empty_before}: {peak} bytes");
    }
}

#[test]
fn nested_literals_cannot_multiply_their_claims() {
    // A tuple claiming as many items as bytes are left, whose first item is such a tuple,
    // and so on: every level's claim is bounded by the input, but all levels are pending at
    // once. Preallocating each claim would reserve depth × input × size_of::<Literal>().
    const DEPTH: usize = beamlet_bytecode::module::MAX_LITERAL_DEPTH;
    const PAD: usize = 64 * 1024;
    let mut b = header();
    u32s(&mut b, &[0, 1]); // no atoms, one literal
    let mut counts = Vec::new();
    for _ in 0..DEPTH {
        b.push(5);
        counts.push(b.len());
        u32s(&mut b, &[0]);
    }
    b.extend_from_slice(&vec![9; PAD]);
    for at in counts {
        // Exactly as many items as bytes are left after the count.
        let claim = (b.len() - at - 4) as u32;
        b[at..at + 4].copy_from_slice(&claim.to_le_bytes());
    }
    let len = b.len();
    let (r, peak) = peak_of(|| Module::decode(&b));
    assert_eq!(r, Err(DecodeError::Truncated));
    assert!(
        peak < 64 * len,
        "decoding {len} bytes held {peak} bytes at once"
    );
}
