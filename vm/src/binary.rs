//! Binaries and bitstrings as terms (docs/internals/binaries.md).
//!
//! Three kinds of object hold bytes: a `HeapBin` (up to 64 bytes on a process heap; any
//! size in the literal area), a `RefcBin` handle to an off-heap [`RefcBuffer`], and a
//! `SubBin`, a window of bits into one of the other two (matching `rest::binary`,
//! `binary_part`, and the result of an append). A bitstring whose size is not a whole number
//! of bytes is always a sub-binary.
//!
//! Appending (`<<acc::binary, more::binary>>`) is amortised O(1) per byte, as on the BEAM:
//! the result of an append is a sub-binary over a writable buffer with spare capacity; the
//! next append to that newest version extends the buffer in place and only makes a new
//! sub-binary. Appending to an older version, or to a buffer another process can see, copies
//! into a fresh writable buffer with room to double.

use crate::heap::{Heap, TermAlloc};
use crate::offheap::{self, RefcBuffer};
use crate::term::{Kind, Term};

/// The smallest capacity of a buffer made by an append: appends to small binaries should
/// not reallocate at every step.
const MIN_APPEND_CAPACITY: usize = 256;

/// A window of bits: `bit_size` bits starting `bit_offset` bits into `bytes`.
#[derive(Clone, Copy, Debug)]
pub struct Bits<'a> {
    /// The bytes the window lies in.
    pub bytes: &'a [u8],
    /// Offset of the first bit, from the most significant bit of `bytes[0]`.
    pub bit_offset: usize,
    /// Length in bits.
    pub bit_size: usize,
}

impl<'a> Bits<'a> {
    /// The bytes, when the window is byte-aligned and whole bytes long.
    pub fn as_bytes(&self) -> Option<&'a [u8]> {
        if self.bit_offset.is_multiple_of(8) && self.bit_size.is_multiple_of(8) {
            self.bytes
                .get(self.bit_offset / 8..(self.bit_offset + self.bit_size) / 8)
        } else {
            None
        }
    }

    /// True for a binary (a whole number of bytes).
    pub fn is_binary(&self) -> bool {
        self.bit_size.is_multiple_of(8)
    }

    /// The `i`th byte of the window (bits `8i .. 8i+8`); the last partial byte is padded
    /// with zero bits at the bottom.
    pub fn byte(&self, i: usize) -> u8 {
        let start = self.bit_offset + 8 * i;
        let (q, r) = (start / 8, start % 8);
        let hi = self.bytes.get(q).copied().unwrap_or(0);
        let b = if r == 0 {
            hi
        } else {
            let lo = self.bytes.get(q + 1).copied().unwrap_or(0);
            (hi << r) | (lo >> (8 - r))
        };
        let left = self.bit_size.saturating_sub(8 * i);
        if left >= 8 {
            b
        } else {
            b & !(0xFFu8 >> left)
        }
    }

    /// The `n <= 64` bits starting `start` bits into the window, as an unsigned integer
    /// (the first bit most significant). The bits must lie inside the window.
    pub fn read_uint(&self, start: usize, n: usize) -> u64 {
        debug_assert!(n <= 64 && start + n <= self.bit_size);
        if n == 0 {
            return 0;
        }
        let pos = self.bit_offset + start;
        if pos.is_multiple_of(8) && n == 8 {
            return self.bytes[pos / 8] as u64;
        }
        let (first, end) = (pos / 8, (pos + n).div_ceil(8));
        let mut acc: u128 = 0;
        for &b in &self.bytes[first..end] {
            acc = (acc << 8) | b as u128;
        }
        let drop = (end - first) * 8 - pos % 8 - n;
        ((acc >> drop) & (u128::MAX >> (128 - n))) as u64
    }

    /// Number of (possibly partial) bytes.
    pub fn byte_len(&self) -> usize {
        self.bit_size.div_ceil(8)
    }
}

/// The bits of a binary or bitstring term.
#[inline]
pub fn bits<'a>(t: Term) -> Option<Bits<'a>> {
    match t.kind()? {
        Kind::HeapBin | Kind::RefcBin => {
            let bytes = whole(t)?;
            Some(Bits {
                bytes,
                bit_offset: 0,
                bit_size: bytes.len() * 8,
            })
        }
        Kind::SubBin => {
            // SAFETY: a sub-binary's payload is three terms: the heap or refc binary it
            // looks into and two small integers, its bit offset and bit size (see
            // `TermAlloc::sub_binary`).
            let [orig, offset, size] = unsafe {
                let p = t.ptr();
                [1, 2, 3].map(|i| Term::from_raw(*p.add(i)))
            };
            Some(Bits {
                bytes: whole(orig)?,
                bit_offset: offset.as_small()? as usize,
                bit_size: size.as_small()? as usize,
            })
        }
        _ => None,
    }
}

/// The bytes of a binary (a whole number of bytes, byte-aligned or not: an unaligned
/// sub-binary yields `None`; use [`bits`]).
pub fn bytes<'a>(t: Term) -> Option<&'a [u8]> {
    bits(t)?.as_bytes()
}

/// The bytes of a heap binary or refc handle.
#[inline]
fn whole<'a>(t: Term) -> Option<&'a [u8]> {
    let p = t.ptr();
    match t.kind()? {
        // SAFETY: a heap binary's payload is its byte size, then the bytes, padded to
        // whole words (header invariant).
        Kind::HeapBin => {
            Some(unsafe { std::slice::from_raw_parts(p.add(2) as *const u8, *p.add(1) as usize) })
        }
        Kind::RefcBin => {
            // SAFETY: a refc handle's payload is laid out as `offheap::refc` says; the handle
            // owns a count of the buffer, and sees `len` bytes, which never change once
            // written (the buffer is frozen or owned by the process reading it).
            unsafe {
                let len = *p.add(1 + offheap::refc::SIZE) as usize;
                let buf = &*(*p.add(1 + offheap::refc::BUF) as *const RefcBuffer);
                Some(buf.prefix(len))
            }
        }
        _ => None,
    }
}

/// Byte size of a binary term, rounded up for bitstrings (`byte_size/1`).
pub fn byte_size(t: Term) -> Option<usize> {
    bits(t).map(|b| b.byte_len())
}

/// `<<acc::binary, more::binary>>` in amortised O(1) per appended byte (see the module
/// doc). `acc` must be a binary (a whole number of bytes); `None` otherwise.
pub fn append(heap: &mut Heap, acc: Term, more: &[u8]) -> Option<Term> {
    let acc_bits = bits(acc)?;
    if !acc_bits.is_binary() {
        return None;
    }
    let acc_len = acc_bits.bit_size / 8;
    // The newest version of a writable buffer: a sub-binary at offset 0 over a handle
    // whose size equals the sub-binary's, and the buffer's own length.
    if acc.kind() == Some(Kind::SubBin) && acc_bits.bit_offset == 0 {
        let handle = acc.term_payload()[0];
        if let Some(buf) = offheap::refc_buffer(handle) {
            let handle_len = handle.payload()[offheap::refc::SIZE] as usize;
            // SAFETY: the heap belongs to the running process, which owns a non-frozen
            // buffer; `try_append` refuses frozen ones.
            if handle_len == acc_len && unsafe { buf.try_append(acc_len, more) } {
                let new_len = acc_len + more.len();
                // SAFETY: the handle is on this process's heap; its size word is raw data
                // that only this process reads while the buffer is writable.
                unsafe {
                    handle
                        .ptr()
                        .add(1 + offheap::refc::SIZE)
                        .write(new_len as u64)
                };
                if heap.in_old(handle.ptr()) {
                    heap.add_old_vheap_bytes(more.len());
                } else {
                    heap.add_vheap_bytes(more.len());
                }
                return Some(heap.sub_binary(handle, 0, 8 * new_len as u64));
            }
        }
    }
    let new_len = acc_len + more.len();
    if new_len <= heap.heap_bin_limit() {
        let mut v = Vec::with_capacity(new_len);
        v.extend((0..acc_len).map(|i| acc_bits.byte(i)));
        v.extend_from_slice(more);
        return Some(heap.heap_binary(&v));
    }
    let mut v = Vec::with_capacity((2 * new_len).max(MIN_APPEND_CAPACITY));
    match acc_bits.as_bytes() {
        Some(b) => v.extend_from_slice(b),
        None => v.extend((0..acc_len).map(|i| acc_bits.byte(i))),
    }
    v.extend_from_slice(more);
    let cap = v.capacity();
    let handle = crate::heap::refc_handle(heap, RefcBuffer::new(&v, cap), new_len);
    Some(heap.sub_binary(handle, 0, 8 * new_len as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heap_and_refc_binaries_read_back() {
        let mut heap = Heap::default();
        let small = heap.binary(b"hello");
        assert_eq!(small.kind(), Some(Kind::HeapBin));
        assert_eq!(bytes(small), Some(&b"hello"[..]));
        let big_src = vec![7u8; 65];
        let big = heap.binary(&big_src);
        assert_eq!(big.kind(), Some(Kind::RefcBin));
        assert_eq!(bytes(big), Some(&big_src[..]));
        let empty = heap.binary(b"");
        assert_eq!(bytes(empty), Some(&b""[..]));
        assert_eq!(heap.off_heap_handles(), (1, 0));
    }

    #[test]
    fn sub_binaries_window_their_parent() {
        let mut heap = Heap::default();
        let parent = heap.binary(b"abcdef");
        let sub = heap.sub_binary(parent, 8, 24);
        assert_eq!(bytes(sub), Some(&b"bcd"[..]));
        let subsub = heap.sub_binary(sub, 8, 8);
        assert_eq!(bytes(subsub), Some(&b"c"[..]));
        assert_eq!(
            subsub.term_payload()[0].raw(),
            parent.raw(),
            "looks through sub-binaries"
        );
        // An unaligned window: 4 bits in, 12 bits long, of 0x61 0x62 = 0110_0001 0110_0010.
        let odd = heap.sub_binary(parent, 4, 12);
        let b = bits(odd).unwrap();
        assert!(bytes(odd).is_none());
        assert_eq!(b.byte(0), 0b0001_0110);
        assert_eq!(b.byte(1), 0b0010_0000);
        assert_eq!(byte_size(odd), Some(2));
    }

    #[test]
    fn appending_in_a_loop_reuses_one_buffer() {
        let mut heap = Heap::default();
        let mut acc = heap.binary(b"");
        let mut expected = Vec::new();
        for i in 0..10_000u32 {
            let byte = [(i % 251) as u8];
            acc = append(&mut heap, acc, &byte).unwrap();
            expected.push(byte[0]);
        }
        assert_eq!(bytes(acc), Some(&expected[..]));
        // One buffer for the refc stage: one handle plus the copies made while the binary
        // was small. Doubling would show as ~log2(10_000) handles.
        assert!(
            heap.off_heap_handles().0 <= 2,
            "{:?}",
            heap.off_heap_handles()
        );
    }

    #[test]
    fn appending_to_an_old_version_copies() {
        let mut heap = Heap::default();
        let base = heap.binary(&[1u8; 100]);
        let a = append(&mut heap, base, b"a").unwrap();
        let b = append(&mut heap, a, b"b").unwrap();
        let c = append(&mut heap, a, b"c").unwrap(); // a is no longer the newest version
        assert_eq!(bytes(a).unwrap().len(), 101);
        assert_eq!(bytes(b).unwrap().last(), Some(&b'b'));
        assert_eq!(bytes(c).unwrap().last(), Some(&b'c'));
        assert_eq!(bytes(b).unwrap().len(), 102);
        assert_eq!(bytes(c).unwrap().len(), 102);
    }

    #[test]
    fn appending_to_a_window_of_a_plain_binary_leaves_the_binary_alone() {
        // `<<rest::binary>> = big` makes a sub-binary at offset 0 over the whole handle;
        // `rest <> "x"` must not grow `big`, which the program still holds.
        let mut heap = Heap::default();
        let big = heap.binary(&[7u8; 100]);
        let rest = heap.sub_binary(big, 0, 800);
        let grown = append(&mut heap, rest, b"x").unwrap();
        assert_eq!(bytes(grown).unwrap().len(), 101);
        assert_eq!(
            bytes(big),
            Some(&[7u8; 100][..]),
            "the original binary changed"
        );
        assert_eq!(bytes(rest), Some(&[7u8; 100][..]));
    }

    #[test]
    fn growing_a_promoted_buffer_in_place_counts_against_the_old_generation() {
        use crate::heap::GcKind;
        let mut heap = Heap::default();
        let first = heap.binary(&[1u8; 60]);
        let acc = append(&mut heap, first, &[2u8; 40]).unwrap();
        let mut roots = vec![acc];
        // SAFETY: `roots` holds every live term.
        unsafe {
            heap.collect(&mut roots, 0);
            heap.collect(&mut roots, 0);
        }
        assert_eq!(heap.off_heap_handles(), (0, 1), "the handle is promoted");
        // Grow the buffer in place by a megabyte, far past the old generation's off-heap
        // limit (46,422 words), then drop it.
        for _ in 0..1024 {
            roots[0] = append(&mut heap, roots[0], &[3u8; 1024]).unwrap();
        }
        assert_eq!(heap.off_heap_handles(), (0, 1), "grown in place");
        assert_eq!(bytes(roots[0]).map(<[u8]>::len), Some(100 + (1 << 20)));
        roots.clear();
        // SAFETY: nothing is live.
        let out = unsafe { heap.collect(&mut roots, 0) };
        assert_eq!(
            out.kind,
            GcKind::Major,
            "a megabyte held by the old generation makes the next collection major"
        );
        assert_eq!(heap.off_heap_handles(), (0, 0), "and it frees the buffer");
    }

    #[test]
    fn appending_a_binary_to_itself_reads_the_bytes_before_the_buffer_grows() {
        // `acc <> acc`: the appended bytes live in the buffer being extended. The buffer's
        // capacity is 256 here, and 150 + 150 bytes do not fit: the buffer reallocates.
        let mut heap = Heap::default();
        for round in 0..32u8 {
            let start: Vec<u8> = (0..100u8).map(|i| i ^ round).collect();
            let first = heap.binary(&start[..60]);
            let acc = append(&mut heap, first, &start[60..]).unwrap();
            assert_eq!(bytes(acc), Some(&start[..]));
            let tail = [b'z' ^ round; 50];
            let acc = append(&mut heap, acc, &tail).unwrap();
            let mut expected = start.clone();
            expected.extend_from_slice(&tail);
            assert_eq!(bytes(acc), Some(&expected[..]));
            let more = bytes(acc).unwrap();
            let doubled = append(&mut heap, acc, more).unwrap();
            let twice: Vec<u8> = expected.iter().chain(expected.iter()).copied().collect();
            assert_eq!(bytes(doubled), Some(&twice[..]), "round {round}");
        }
    }
}
