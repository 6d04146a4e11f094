//! Building terms on anything that hands out words: a process heap, a fragment, the
//! literal area.
//!
//! Every constructor allocates exactly the words the object needs and writes all of them
//! before returning, so the heap stays walkable (see `term`).

use std::sync::Arc;

use num_bigint::{BigInt, Sign};

use crate::atom::Atom;
use crate::offheap::{self, RefcBuffer, Resource};
use crate::term::{Header, Kind, Term, MAX_SMALL, MIN_SMALL};

/// The largest binary kept on a process heap; larger ones are reference-counted off-heap
/// buffers (the BEAM's `ERL_ONHEAP_BIN_LIMIT`).
pub const HEAP_BIN_LIMIT: usize = 64;

/// Something terms can be built on.
pub trait TermAlloc {
    /// `words` fresh words, 8-byte aligned. Never fails.
    fn alloc_words(&mut self, words: usize) -> *mut u64;

    /// Lists the off-heap handle just written at `p` so that its count is released when it
    /// dies.
    ///
    /// # Safety
    /// `p` points to a complete `RefcBin` or `MagicRef` object just allocated here, not
    /// listed yet.
    unsafe fn register_off_heap(&mut self, p: *mut u64);

    /// Binaries larger than this go off-heap.
    fn heap_bin_limit(&self) -> usize {
        HEAP_BIN_LIMIT
    }

    /// Allocates and writes a boxed object of `kind` with `payload`.
    fn boxed(&mut self, kind: Kind, payload: &[u64]) -> Term {
        let p = self.alloc_words(payload.len() + 1);
        // SAFETY: `p` has room for the header and the payload.
        unsafe {
            p.write(Header::new(kind, payload.len()).raw());
            std::ptr::copy_nonoverlapping(payload.as_ptr(), p.add(1), payload.len());
            Term::boxed_from_ptr(p)
        }
    }

    /// `[head | tail]`.
    fn cons(&mut self, head: Term, tail: Term) -> Term {
        let p = self.alloc_words(2);
        // SAFETY: two fresh words.
        unsafe {
            p.write(head.raw());
            p.add(1).write(tail.raw());
            Term::cons_from_ptr(p)
        }
    }

    /// A proper list of `items`.
    fn list(&mut self, items: &[Term]) -> Term {
        self.improper_list(items, Term::NIL)
    }

    /// A list of `items` ending in `tail`.
    fn improper_list(&mut self, items: &[Term], tail: Term) -> Term {
        if items.is_empty() {
            return tail;
        }
        let p = self.alloc_words(2 * items.len());
        for (i, item) in items.iter().enumerate() {
            // SAFETY: cell i is at words 2i, 2i+1 of the fresh block.
            unsafe {
                let cell = p.add(2 * i);
                cell.write(item.raw());
                let next = if i + 1 == items.len() {
                    tail
                } else {
                    Term::cons_from_ptr(cell.add(2))
                };
                cell.add(1).write(next.raw());
            }
        }
        // SAFETY: the first cell was written above.
        unsafe { Term::cons_from_ptr(p) }
    }

    /// A tuple.
    fn tuple(&mut self, elems: &[Term]) -> Term {
        let p = self.alloc_words(elems.len() + 1);
        // SAFETY: header plus one word per element.
        unsafe {
            p.write(Header::new(Kind::Tuple, elems.len()).raw());
            std::ptr::copy_nonoverlapping(elems.as_ptr() as *const u64, p.add(1), elems.len());
            Term::boxed_from_ptr(p)
        }
    }

    /// A float. Erlang has no NaN or infinities; callers raise `badarith` before that.
    fn float(&mut self, f: f64) -> Term {
        debug_assert!(f.is_finite());
        self.boxed(Kind::Float, &[f.to_bits()])
    }

    /// An integer: small when it fits, a bignum otherwise.
    fn int(&mut self, i: i64) -> Term {
        match Term::small(i) {
            Some(t) => t,
            None => self.int128(i as i128),
        }
    }

    /// An integer from an i128.
    fn int128(&mut self, i: i128) -> Term {
        if i >= MIN_SMALL as i128 && i <= MAX_SMALL as i128 {
            return Term::small(i as i64).unwrap_or(Term::NON_VALUE);
        }
        let kind = if i < 0 { Kind::NegBig } else { Kind::PosBig };
        let mag = i.unsigned_abs();
        let (lo, hi) = (mag as u64, (mag >> 64) as u64);
        if hi == 0 {
            self.boxed(kind, &[lo])
        } else {
            self.boxed(kind, &[lo, hi])
        }
    }

    /// An integer from a bignum: small when it fits.
    fn bigint(&mut self, n: &BigInt) -> Term {
        if let Ok(i) = i64::try_from(n) {
            if let Some(t) = Term::small(i) {
                return t;
            }
        }
        let kind = if n.sign() == Sign::Minus {
            Kind::NegBig
        } else {
            Kind::PosBig
        };
        let limbs = n.magnitude().to_u64_digits();
        self.boxed(kind, &limbs)
    }

    /// A binary holding `bytes`: on the heap up to [`TermAlloc::heap_bin_limit`] bytes,
    /// off-heap above.
    fn binary(&mut self, bytes: &[u8]) -> Term {
        if bytes.len() <= self.heap_bin_limit() {
            self.heap_binary(bytes)
        } else {
            self.refc_binary(RefcBuffer::new(bytes, bytes.len()), bytes.len())
        }
    }

    /// A UTF-8 string (an Elixir string is a binary).
    fn string(&mut self, s: &str) -> Term {
        self.binary(s.as_bytes())
    }

    /// A heap binary, whatever its size.
    fn heap_binary(&mut self, bytes: &[u8]) -> Term {
        let data_words = bytes.len().div_ceil(8);
        let p = self.alloc_words(2 + data_words);
        // SAFETY: header, size word and the padded data words are all written.
        unsafe {
            p.write(Header::new(Kind::HeapBin, 1 + data_words).raw());
            p.add(1).write(bytes.len() as u64);
            if data_words > 0 {
                p.add(1 + data_words).write(0);
            }
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), p.add(2) as *mut u8, bytes.len());
            Term::boxed_from_ptr(p)
        }
    }

    /// A handle to an off-heap buffer, seeing its first `len` bytes. Takes over the count
    /// of `buf`, and freezes it: the program holds this handle itself, so its size word
    /// must never change. (Only `binary::append` makes writable buffers, which programs
    /// reach through sub-binaries alone.)
    fn refc_binary(&mut self, buf: Arc<RefcBuffer>, len: usize) -> Term {
        buf.freeze();
        refc_handle(self, buf, len)
    }

    /// A sub-binary of `parent` (a heap or refc binary, or a sub-binary, which is looked
    /// through), starting `bit_offset` bits in, `bit_size` bits long.
    #[inline]
    fn sub_binary(&mut self, parent: Term, bit_offset: u64, bit_size: u64) -> Term {
        let (orig, offset) = match parent.kind() {
            Some(Kind::SubBin) => {
                // SAFETY: a sub-binary's payload is [orig, offset, size], the last two small
                // integers (this function writes them).
                let (orig, base) = unsafe {
                    let p = parent.ptr();
                    (Term::from_raw(*p.add(1)), Term::from_raw(*p.add(2)))
                };
                (orig, base.as_small().unwrap_or(0) as u64 + bit_offset)
            }
            _ => (parent, bit_offset),
        };
        debug_assert!(matches!(orig.kind(), Some(Kind::HeapBin | Kind::RefcBin)));
        let small = |v: u64| Term::small(v as i64).unwrap_or(Term::NON_VALUE);
        let payload = [orig.raw(), small(offset).raw(), small(bit_size).raw()];
        self.boxed(Kind::SubBin, &payload)
    }

    /// A closure of `module`'s fun number `index`, with `arity` parameters and the
    /// captured `env`.
    fn closure(&mut self, module: Atom, index: u32, arity: u8, env: &[Term]) -> Term {
        let p = self.alloc_words(4 + env.len());
        // SAFETY: header, three fixed words and the environment.
        unsafe {
            p.write(Header::new(Kind::Fun, 3 + env.len()).raw());
            p.add(1).write(Term::atom(module).raw());
            p.add(2)
                .write(Term::small(index as i64).unwrap_or(Term::NIL).raw());
            p.add(3)
                .write(Term::small(arity as i64).unwrap_or(Term::NIL).raw());
            std::ptr::copy_nonoverlapping(env.as_ptr() as *const u64, p.add(4), env.len());
            Term::boxed_from_ptr(p)
        }
    }

    /// The external fun `&module.function/arity`.
    fn export(&mut self, module: Atom, function: Atom, arity: u8) -> Term {
        let a = Term::small(arity as i64).unwrap_or(Term::NIL);
        self.boxed(
            Kind::Export,
            &[
                Term::atom(module).raw(),
                Term::atom(function).raw(),
                a.raw(),
            ],
        )
    }

    /// A reference carrying `resource`. Takes over the count of `resource`.
    fn magic_ref(&mut self, resource: Arc<Resource>) -> Term {
        let raw = Arc::into_raw(resource) as u64;
        let t = self.boxed(Kind::MagicRef, &[raw]);
        // SAFETY: the handle was just written here.
        unsafe { self.register_off_heap(t.ptr()) };
        t
    }
}

/// A handle to `buf` seeing `len` bytes, without freezing the buffer (for appends).
pub(crate) fn refc_handle<A: TermAlloc + ?Sized>(
    a: &mut A,
    buf: Arc<RefcBuffer>,
    len: usize,
) -> Term {
    let raw = Arc::into_raw(buf) as u64;
    let mut payload = [0u64; offheap::refc::ARITY];
    payload[offheap::refc::SIZE] = len as u64;
    payload[offheap::refc::BUF] = raw;
    let t = a.boxed(Kind::RefcBin, &payload);
    // SAFETY: the handle was just written here.
    unsafe { a.register_off_heap(t.ptr()) };
    t
}

impl TermAlloc for super::Heap {
    #[inline]
    fn alloc_words(&mut self, words: usize) -> *mut u64 {
        self.alloc(words)
    }

    unsafe fn register_off_heap(&mut self, p: *mut u64) {
        // SAFETY: forwarded contract.
        unsafe { self.add_off_heap(p) }
    }
}

/// Builds terms in a region of the literal area reserved beforehand: immortal, shared,
/// never collected. Reserve exactly what [`super::size_of`] says the terms need.
pub struct LiteralAlloc {
    next: *mut u64,
    end: *mut u64,
}

impl LiteralAlloc {
    /// Reserves `words` words of the literal area; `None` when it is full (the loader
    /// reports a `system_limit`).
    pub fn reserve(words: usize) -> Option<LiteralAlloc> {
        let p = super::literal::alloc(words)?;
        // SAFETY: `words` words were reserved at `p`.
        Some(LiteralAlloc {
            next: p,
            end: unsafe { p.add(words) },
        })
    }
}

impl TermAlloc for LiteralAlloc {
    fn alloc_words(&mut self, words: usize) -> *mut u64 {
        let free = (self.end as usize - self.next as usize) / 8;
        assert!(
            words <= free,
            "literal reservation too small: the size computation is wrong"
        );
        let p = self.next;
        // SAFETY: checked to fit in the reservation.
        self.next = unsafe { p.add(words) };
        p
    }

    /// A literal lives forever, and so does its count: nothing to list.
    unsafe fn register_off_heap(&mut self, _p: *mut u64) {}

    fn heap_bin_limit(&self) -> usize {
        usize::MAX
    }
}
