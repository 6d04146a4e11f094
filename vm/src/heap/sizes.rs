//! Heap sizes, in words, as on the BEAM (`erts_init_gc` in erl_gc.c).
//!
//! The sequence is Fibonacci-like (`s[i] = s[i-1] + s[i-2] + 1`, starting 12, 38) for 23
//! sizes, up to 833,026 words, then grows by 20% a step. 233 words is the default minimum heap
//! and 46,422 the default minimum virtual binary heap; both are members of the sequence. Heap
//! blocks of these sizes are what the block pool recycles.

/// Sizes in the Fibonacci stage (the BEAM's loop runs to index 22, 833,026 words).
const FIB_STEPS: usize = 23;
/// Total number of sizes; the last is far beyond any heap a 64-bit machine can hold.
const SIZES: usize = 160;

/// The default minimum heap size in words (`min_heap_size`).
pub const MIN_HEAP_SIZE: usize = 233;
/// The default minimum virtual binary heap size in words (`min_bin_vheap_size`).
pub const MIN_BIN_VHEAP_SIZE: usize = 46_422;

const fn table() -> [usize; SIZES] {
    let mut t = [0usize; SIZES];
    t[0] = 12;
    t[1] = 38;
    let mut i = 2;
    while i < FIB_STEPS {
        t[i] = t[i - 1] + t[i - 2] + 1;
        i += 1;
    }
    while i < SIZES {
        let grown = t[i - 1] + t[i - 1] / 5;
        t[i] = if grown > (usize::MAX >> 8) {
            usize::MAX >> 8
        } else {
            grown
        };
        i += 1;
    }
    t
}

/// Every heap size, smallest first.
pub static HEAP_SIZES: [usize; SIZES] = table();

/// The smallest heap size that holds `words`.
pub fn next_heap_size(words: usize) -> usize {
    let i = HEAP_SIZES.partition_point(|&s| s < words);
    HEAP_SIZES.get(i).copied().unwrap_or(words)
}

/// The index of `words` in [`HEAP_SIZES`], if it is one of them (the block pool's classes).
pub fn size_class(words: usize) -> Option<usize> {
    HEAP_SIZES.binary_search(&words).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_beams_sizes() {
        assert_eq!(&HEAP_SIZES[..8], &[12, 38, 51, 90, 142, 233, 376, 610]);
        assert!(HEAP_SIZES.contains(&MIN_HEAP_SIZE));
        assert!(HEAP_SIZES.contains(&MIN_BIN_VHEAP_SIZE));
        // After the Fibonacci stage, steps of 20%.
        let (a, b) = (HEAP_SIZES[FIB_STEPS], HEAP_SIZES[FIB_STEPS + 1]);
        assert_eq!(b, a + a / 5);
        assert_eq!(
            HEAP_SIZES[FIB_STEPS - 1],
            833_026,
            "the last Fibonacci-stage size"
        );
        assert!(HEAP_SIZES.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn next_size_rounds_up() {
        assert_eq!(next_heap_size(0), 12);
        assert_eq!(next_heap_size(233), 233);
        assert_eq!(next_heap_size(234), 376);
        assert_eq!(size_class(233), Some(5));
        assert_eq!(size_class(234), None);
    }
}
