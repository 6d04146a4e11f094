//! Terms: one 64-bit tagged word each, as on the BEAM.
//!
//! ```text
//!  primary tag (low 2 bits)
//!  ...................................00   header word (only inside heaps, first word of a boxed object)
//!  pppppppppppppppppppppppppppppppppp01   pointer to a cons cell (2 words: head, tail)
//!  pppppppppppppppppppppppppppppppppp10   pointer to a boxed object (header word first)
//!  ..................................11   immediate:
//!    iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii0011     pid (60-bit payload)
//!    iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii0111     port (60-bit payload; reserved)
//!    vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv1111     small integer, 60 bits, two's complement
//!    iiiiiiiiiiiiiiiiiiiiiiiiiiiiii001011     atom (index into the atom table)
//!    iiiiiiiiiiiiiiiiiiiiiiiiiiiiii011011     catch (reserved for the interpreter)
//!    iiiiiiiiiiiiiiiiiiiiiiiiiiiiii101011     local reference (58-bit serial)
//!    iiiiiiiiiiiiiiiiiiiiiiiiiiiiii111011     special: [] (nil) = 0, the non-value = 1
//!
//!  header word:  arity (56 bits) | kind (6 bits) | 00
//! ```
//!
//! Invariants (docs/internals/terms.md says more):
//! - Heap objects are 8-byte aligned, so the two low bits of a pointer are free for the tag.
//! - A word whose primary tag is `00` is a header and appears only as the first word of a
//!   boxed object. Every other word inside a heap is a term, except the raw payload words of
//!   the [`Kind`]s for which [`Kind::is_raw`] holds; a header says how many words follow, so a
//!   heap can be walked word by word. That is what the copying collector relies on.
//! - A pointer term points to a live object on the heap of the process that holds it, on a
//!   heap fragment attached to that heap, or in the literal area. Terms are immutable once
//!   built. A term read from a heap stays valid until that heap's next collection; after a
//!   collection only the roots the collector was given are valid (see `heap`).
//! - `[]` is an immediate; `nil` is the atom `:nil`, as in Elixir.
//! - The non-value is never a term a program can see: it marks "no value" in the VM and a
//!   moved cons cell during a collection.

pub mod bignum;
pub mod map;
pub mod order;
pub mod phash2;
pub mod view;

use std::fmt;

use crate::atom::{self, Atom};

pub use view::View;

const PRIMARY_MASK: u64 = 0b11;
const TAG_HEADER: u64 = 0b00;
const TAG_LIST: u64 = 0b01;
const TAG_BOXED: u64 = 0b10;

const IMMED1_MASK: u64 = 0xF;
const TAG_PID: u64 = 0x3;
const TAG_PORT: u64 = 0x7;
const TAG_SMALL: u64 = 0xF;
const IMMED1_BITS: u32 = 4;

const IMMED2_MASK: u64 = 0x3F;
const TAG_ATOM: u64 = 0x0B;
const TAG_CATCH: u64 = 0x1B;
const TAG_REF: u64 = 0x2B;
const TAG_SPECIAL: u64 = 0x3B;
const IMMED2_BITS: u32 = 6;

/// Bits in a small integer's payload.
pub const SMALL_BITS: u32 = 64 - IMMED1_BITS;
/// The smallest small integer, -2^59.
pub const MIN_SMALL: i64 = -(1 << (SMALL_BITS - 1));
/// The largest small integer, 2^59 - 1.
pub const MAX_SMALL: i64 = (1 << (SMALL_BITS - 1)) - 1;
/// The largest pid or port payload.
pub const MAX_PID: u64 = (1 << SMALL_BITS) - 1;
/// The largest local reference serial.
pub const MAX_REF: u64 = (1 << (64 - IMMED2_BITS)) - 1;

/// A term: one tagged word. Copy it freely; it is a value or a pointer into a heap.
///
/// `Term` deliberately has no `PartialEq`: word identity is not term equality (two equal
/// tuples live at different addresses). Use [`order::eq`] (`==`), [`order::exact_eq`]
/// (`===`) or [`Term::is`] (same word).
#[derive(Copy, Clone)]
#[repr(transparent)]
pub struct Term(u64);

/// The kinds of boxed object, stored in the header word. Numbers are part of the heap
/// format: changing one changes every heap walker.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// `arity` element terms.
    Tuple = 0,
    /// A positive bignum: `arity` little-endian u64 limbs (raw).
    PosBig = 1,
    /// A negative bignum: the magnitude as `arity` little-endian u64 limbs (raw).
    NegBig = 2,
    /// One raw word: the bits of an f64 (never NaN or infinite).
    Float = 3,
    /// A map of up to 32 keys: `arity = 2n`; n keys sorted in map-key order, then n values.
    FlatMap = 4,
    /// Root of a HAMT map: size (small), bitmap (small), then the children.
    HamtHead = 5,
    /// Inner HAMT node: bitmap (small), then the children. A child is a cons `[k | v]`
    /// (a leaf) or a boxed pointer to a node.
    HamtNode = 6,
    /// HAMT node for keys whose hashes agree in all bits: k1, v1, k2, v2, ... sorted by key.
    HamtCollision = 7,
    /// A closure: module (atom), index (small), arity (small), then the captured terms.
    Fun = 8,
    /// An external fun `&M.f/a`: module (atom), function (atom), arity (small).
    Export = 9,
    /// A binary on the heap: byte size (raw), then the bytes, padded to whole words.
    HeapBin = 10,
    /// A handle to an off-heap reference-counted binary: byte size, buffer pointer (both
    /// raw). Listed in its heap's off-heap list.
    RefcBin = 11,
    /// A sub-binary: the parent (HeapBin or RefcBin term), bit offset (small), bit size
    /// (small). Bitstrings whose size is not a whole number of bytes are sub-binaries.
    SubBin = 12,
    /// A reference that carries a resource: serial (raw), resource pointer (raw). Listed
    /// in its heap's off-heap list.
    MagicRef = 13,
}

impl Kind {
    const ALL: [Kind; 14] = [
        Kind::Tuple,
        Kind::PosBig,
        Kind::NegBig,
        Kind::Float,
        Kind::FlatMap,
        Kind::HamtHead,
        Kind::HamtNode,
        Kind::HamtCollision,
        Kind::Fun,
        Kind::Export,
        Kind::HeapBin,
        Kind::RefcBin,
        Kind::SubBin,
        Kind::MagicRef,
    ];

    /// True when the words after the header are raw data, not terms: a heap walker skips
    /// them and a collector never reads them as pointers.
    pub const fn is_raw(self) -> bool {
        matches!(
            self,
            Kind::PosBig
                | Kind::NegBig
                | Kind::Float
                | Kind::HeapBin
                | Kind::RefcBin
                | Kind::MagicRef
        )
    }

    /// True for objects that hold a reference to off-heap memory and so must be listed in
    /// their heap's off-heap list.
    pub const fn is_off_heap(self) -> bool {
        matches!(self, Kind::RefcBin | Kind::MagicRef)
    }
}

/// A header word: the first word of every boxed object.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
#[repr(transparent)]
pub struct Header(u64);

/// The largest arity a header can hold.
pub const MAX_ARITY: u64 = (1 << 56) - 1;

impl Header {
    /// A header for an object of `kind` followed by `arity` words.
    #[inline]
    pub const fn new(kind: Kind, arity: usize) -> Header {
        debug_assert!(arity as u64 <= MAX_ARITY);
        Header(((arity as u64) << 8) | ((kind as u64) << 2) | TAG_HEADER)
    }

    /// Reads a word as a header, if its tag says it is one.
    #[inline]
    pub const fn from_word(w: u64) -> Option<Header> {
        if w & PRIMARY_MASK == TAG_HEADER {
            Some(Header(w))
        } else {
            None
        }
    }

    /// The kind. A header with an unknown kind number is heap corruption: it is reported,
    /// in debug builds by a panic, and read as a tuple of raw words nowhere.
    #[inline]
    pub fn kind(self) -> Kind {
        let k = ((self.0 >> 2) & 0x3F) as usize;
        match Kind::ALL.get(k) {
            Some(&kind) => kind,
            None => corrupt_header(self.0),
        }
    }

    /// Words after the header.
    #[inline]
    pub const fn arity(self) -> usize {
        (self.0 >> 8) as usize
    }

    /// The object's size in words, header included.
    #[inline]
    pub const fn words(self) -> usize {
        self.arity() + 1
    }

    /// The raw word.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }
}

#[cold]
#[inline(never)]
fn corrupt_header(w: u64) -> ! {
    panic!("heap corruption: header word {w:#x} has an unknown kind")
}

/// The classes of term in the BEAM's term order:
/// number < atom < reference < fun < port < pid < tuple < map < list < bitstring.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Integers and floats.
    Number,
    /// Atoms, including `true`, `false` and `nil`.
    Atom,
    /// References.
    Reference,
    /// Closures and external funs.
    Fun,
    /// Ports.
    Port,
    /// Process identifiers.
    Pid,
    /// Tuples.
    Tuple,
    /// Maps.
    Map,
    /// Lists, `[]` among them.
    List,
    /// Binaries and bitstrings.
    Bitstring,
}

impl Term {
    /// `[]`.
    pub const NIL: Term = Term(TAG_SPECIAL);
    /// The non-value: "no term here". Never visible to programs.
    pub const NON_VALUE: Term = Term((1 << IMMED2_BITS) | TAG_SPECIAL);
    /// The small integer 0.
    pub const ZERO: Term = Term(TAG_SMALL);
    /// The atom `true`.
    pub const TRUE: Term = Term::atom(atom::TRUE);
    /// The atom `false`.
    pub const FALSE: Term = Term::atom(atom::FALSE);
    /// The atom `nil`.
    pub const NIL_ATOM: Term = Term::atom(atom::NIL);

    /// The raw word.
    #[inline]
    pub const fn raw(self) -> u64 {
        self.0
    }

    /// A term from a raw word.
    ///
    /// # Safety
    /// If the word is a pointer term, it must point to a live object laid out as this module
    /// describes; headers are not terms.
    #[inline]
    pub const unsafe fn from_raw(w: u64) -> Term {
        Term(w)
    }

    /// Same word: identical immediates, or pointers to the same object.
    #[inline]
    pub const fn is(self, other: Term) -> bool {
        self.0 == other.0
    }

    // ----- immediates -------------------------------------------------------------------

    /// A small integer; `None` if `i` is outside [`MIN_SMALL`, `MAX_SMALL`].
    #[inline]
    pub const fn small(i: i64) -> Option<Term> {
        if i >= MIN_SMALL && i <= MAX_SMALL {
            Some(Term(((i as u64) << IMMED1_BITS) | TAG_SMALL))
        } else {
            None
        }
    }

    /// An atom.
    #[inline]
    pub const fn atom(a: Atom) -> Term {
        Term(((a.index() as u64) << IMMED2_BITS) | TAG_ATOM)
    }

    /// `true` or `false`.
    #[inline]
    pub const fn boolean(b: bool) -> Term {
        if b {
            Term::TRUE
        } else {
            Term::FALSE
        }
    }

    /// A pid with the given payload (process-table index and generation).
    #[inline]
    pub const fn pid(payload: u64) -> Term {
        debug_assert!(payload <= MAX_PID);
        Term((payload << IMMED1_BITS) | TAG_PID)
    }

    /// A port with the given payload.
    #[inline]
    pub const fn port(payload: u64) -> Term {
        debug_assert!(payload <= MAX_PID);
        Term((payload << IMMED1_BITS) | TAG_PORT)
    }

    /// A local reference with the given serial.
    #[inline]
    pub const fn local_ref(serial: u64) -> Term {
        debug_assert!(serial <= MAX_REF);
        Term((serial << IMMED2_BITS) | TAG_REF)
    }

    /// A catch marker (for the interpreter's stack).
    #[inline]
    pub const fn catch(label: u64) -> Term {
        Term((label << IMMED2_BITS) | TAG_CATCH)
    }

    /// True for a small integer.
    #[inline]
    pub const fn is_small(self) -> bool {
        self.0 & IMMED1_MASK == TAG_SMALL
    }

    /// The small integer's value.
    #[inline]
    pub const fn as_small(self) -> Option<i64> {
        if self.is_small() {
            Some((self.0 as i64) >> IMMED1_BITS)
        } else {
            None
        }
    }

    /// True for an atom.
    #[inline]
    pub const fn is_atom(self) -> bool {
        self.0 & IMMED2_MASK == TAG_ATOM
    }

    /// The atom.
    #[inline]
    pub fn as_atom(self) -> Option<Atom> {
        if self.is_atom() {
            // An atom term is only ever made from an interned atom.
            Some(Atom::from_term_index((self.0 >> IMMED2_BITS) as u32))
        } else {
            None
        }
    }

    /// True for a pid.
    #[inline]
    pub const fn is_pid(self) -> bool {
        self.0 & IMMED1_MASK == TAG_PID
    }

    /// The pid's payload.
    #[inline]
    pub const fn as_pid(self) -> Option<u64> {
        if self.is_pid() {
            Some(self.0 >> IMMED1_BITS)
        } else {
            None
        }
    }

    /// True for a port.
    #[inline]
    pub const fn is_port(self) -> bool {
        self.0 & IMMED1_MASK == TAG_PORT
    }

    /// The port's payload.
    #[inline]
    pub const fn as_port(self) -> Option<u64> {
        if self.is_port() {
            Some(self.0 >> IMMED1_BITS)
        } else {
            None
        }
    }

    /// True for a local (immediate) reference.
    #[inline]
    pub const fn is_local_ref(self) -> bool {
        self.0 & IMMED2_MASK == TAG_REF
    }

    /// The local reference's serial.
    #[inline]
    pub const fn as_local_ref(self) -> Option<u64> {
        if self.is_local_ref() {
            Some(self.0 >> IMMED2_BITS)
        } else {
            None
        }
    }

    /// True for a catch marker.
    #[inline]
    pub const fn is_catch(self) -> bool {
        self.0 & IMMED2_MASK == TAG_CATCH
    }

    /// True for `[]`.
    #[inline]
    pub const fn is_nil(self) -> bool {
        self.0 == Term::NIL.0
    }

    /// True for the non-value.
    #[inline]
    pub const fn is_non_value(self) -> bool {
        self.0 == Term::NON_VALUE.0
    }

    /// True for an immediate (no heap data).
    #[inline]
    pub const fn is_immediate(self) -> bool {
        self.0 & PRIMARY_MASK == 0b11
    }

    // ----- pointers ---------------------------------------------------------------------

    /// True for a pointer to a cons cell.
    #[inline]
    pub const fn is_cons(self) -> bool {
        self.0 & PRIMARY_MASK == TAG_LIST
    }

    /// True for a pointer to a boxed object.
    #[inline]
    pub const fn is_boxed(self) -> bool {
        self.0 & PRIMARY_MASK == TAG_BOXED
    }

    /// True for a pointer of either kind.
    #[inline]
    pub const fn is_pointer(self) -> bool {
        self.is_cons() || self.is_boxed()
    }

    /// A cons term for the cell at `p`.
    ///
    /// # Safety
    /// `p` is 8-byte aligned and points to two initialised term words.
    #[inline]
    pub unsafe fn cons_from_ptr(p: *const u64) -> Term {
        debug_assert!(p as usize & 7 == 0);
        Term(p as u64 | TAG_LIST)
    }

    /// A boxed term for the object at `p`.
    ///
    /// # Safety
    /// `p` is 8-byte aligned and points to a header followed by the words it announces.
    #[inline]
    pub unsafe fn boxed_from_ptr(p: *const u64) -> Term {
        debug_assert!(p as usize & 7 == 0);
        Term(p as u64 | TAG_BOXED)
    }

    /// The address a pointer term points to (a cons cell or a boxed object's header).
    #[inline]
    pub const fn ptr(self) -> *mut u64 {
        (self.0 & !PRIMARY_MASK) as *mut u64
    }

    /// The header of a boxed term.
    #[inline]
    pub fn header(self) -> Option<Header> {
        if !self.is_boxed() {
            return None;
        }
        // SAFETY: a boxed term points to a live object whose first word is its header
        // (module invariant).
        let w = unsafe { *self.ptr() };
        let h = Header::from_word(w);
        debug_assert!(
            h.is_some(),
            "boxed term {:#x} points to a non-header {w:#x}",
            self.0
        );
        h
    }

    /// The kind of a boxed term.
    #[inline]
    pub fn kind(self) -> Option<Kind> {
        self.header().map(Header::kind)
    }

    /// The words after a boxed object's header.
    #[inline]
    pub fn payload<'a>(self) -> &'a [u64] {
        match self.header() {
            // SAFETY: the header announces `arity` initialised words after it.
            Some(h) => unsafe { std::slice::from_raw_parts(self.ptr().add(1), h.arity()) },
            None => &[],
        }
    }

    /// The payload of a boxed object whose payload words are all terms (tuples, maps,
    /// funs, sub-binaries).
    #[inline]
    pub fn term_payload<'a>(self) -> &'a [Term] {
        match self.header() {
            Some(h) if !h.kind().is_raw() => {
                // SAFETY: as in `payload`; `Term` is a transparent u64.
                unsafe { std::slice::from_raw_parts(self.ptr().add(1) as *const Term, h.arity()) }
            }
            _ => &[],
        }
    }

    /// A closure's module, fun index, arity and captured terms, decoded without the
    /// checks of [`Term::view`] (the call path of `call_fun`); `None` for anything else.
    #[inline]
    pub fn closure_parts<'a>(self) -> Option<(Atom, i64, i64, &'a [Term])> {
        let h = self.header()?;
        if h.kind() != Kind::Fun || h.arity() < 3 {
            return None;
        }
        // SAFETY: a closure's payload is `arity` terms: module, index, arity, captures.
        let p = unsafe { std::slice::from_raw_parts(self.ptr().add(1) as *const Term, h.arity()) };
        let (m, i, a) = (p[0], p[1], p[2]);
        if !m.is_atom() {
            return None;
        }
        let module = Atom::from_term_index((m.0 >> IMMED2_BITS) as u32);
        Some((module, i.as_small()?, a.as_small()?, &p[3..]))
    }

    /// Head and tail of a cons cell.
    #[inline]
    pub fn cons(self) -> Option<(Term, Term)> {
        if !self.is_cons() {
            return None;
        }
        // SAFETY: a cons term points to two live term words (module invariant).
        unsafe {
            let p = self.ptr();
            Some((Term(*p), Term(*p.add(1))))
        }
    }

    /// The elements of a tuple.
    #[inline]
    pub fn tuple<'a>(self) -> Option<&'a [Term]> {
        match self.kind() {
            Some(Kind::Tuple) => Some(self.term_payload()),
            _ => None,
        }
    }

    /// The value of a float.
    #[inline]
    pub fn as_float(self) -> Option<f64> {
        match self.kind() {
            Some(Kind::Float) => self.payload().first().map(|&w| f64::from_bits(w)),
            _ => None,
        }
    }

    /// True for an integer, small or big.
    #[inline]
    pub fn is_integer(self) -> bool {
        self.is_small() || matches!(self.kind(), Some(Kind::PosBig | Kind::NegBig))
    }

    /// True for a number.
    #[inline]
    pub fn is_number(self) -> bool {
        self.is_integer() || matches!(self.kind(), Some(Kind::Float))
    }

    /// True for a proper or improper list cell or `[]`.
    #[inline]
    pub const fn is_list(self) -> bool {
        self.is_nil() || self.is_cons()
    }

    /// True for a map.
    #[inline]
    pub fn is_map(self) -> bool {
        matches!(self.kind(), Some(Kind::FlatMap | Kind::HamtHead))
    }

    /// True for a reference, local or magic.
    #[inline]
    pub fn is_reference(self) -> bool {
        self.is_local_ref() || matches!(self.kind(), Some(Kind::MagicRef))
    }

    /// True for a closure or an external fun.
    #[inline]
    pub fn is_fun(self) -> bool {
        matches!(self.kind(), Some(Kind::Fun | Kind::Export))
    }

    /// True for a binary or bitstring.
    #[inline]
    pub fn is_bitstring(self) -> bool {
        matches!(
            self.kind(),
            Some(Kind::HeapBin | Kind::RefcBin | Kind::SubBin)
        )
    }

    /// The term's class in the term order. The non-value, catch markers and headers have
    /// none.
    pub fn class(self) -> Option<Class> {
        let w = self.0;
        match w & PRIMARY_MASK {
            TAG_LIST => Some(Class::List),
            TAG_BOXED => Some(match self.kind()? {
                Kind::Tuple => Class::Tuple,
                Kind::PosBig | Kind::NegBig | Kind::Float => Class::Number,
                Kind::FlatMap | Kind::HamtHead => Class::Map,
                Kind::Fun | Kind::Export => Class::Fun,
                Kind::HeapBin | Kind::RefcBin | Kind::SubBin => Class::Bitstring,
                Kind::MagicRef => Class::Reference,
                // Inner HAMT nodes are never terms of their own.
                Kind::HamtNode | Kind::HamtCollision => return None,
            }),
            TAG_HEADER => None,
            _ => match w & IMMED1_MASK {
                TAG_PID => Some(Class::Pid),
                TAG_PORT => Some(Class::Port),
                TAG_SMALL => Some(Class::Number),
                _ => match w & IMMED2_MASK {
                    TAG_ATOM => Some(Class::Atom),
                    TAG_REF => Some(Class::Reference),
                    TAG_SPECIAL if self.is_nil() => Some(Class::List),
                    _ => None,
                },
            },
        }
    }
}

impl fmt::Debug for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        view::debug_fmt(*self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_is_one_word() {
        assert_eq!(std::mem::size_of::<Term>(), 8);
        assert_eq!(std::mem::size_of::<Option<Term>>(), 16);
    }

    #[test]
    fn small_integers_round_trip_at_the_edges() {
        for i in [
            0,
            1,
            -1,
            42,
            MIN_SMALL,
            MAX_SMALL,
            MIN_SMALL + 1,
            MAX_SMALL - 1,
        ] {
            assert_eq!(Term::small(i).and_then(Term::as_small), Some(i), "{i}");
        }
        assert!(Term::small(MAX_SMALL + 1).is_none());
        assert!(Term::small(MIN_SMALL - 1).is_none());
        assert_eq!(MAX_SMALL, (1 << 59) - 1, "at least 59 bits of magnitude");
    }

    #[test]
    fn immediates_do_not_overlap() {
        let terms = [
            Term::small(7).unwrap(),
            Term::atom(atom::OK),
            Term::pid(7),
            Term::port(7),
            Term::local_ref(7),
            Term::catch(7),
            Term::NIL,
            Term::NON_VALUE,
        ];
        for (i, a) in terms.iter().enumerate() {
            assert!(a.is_immediate());
            assert!(!a.is_pointer());
            assert!(Header::from_word(a.raw()).is_none());
            for (j, b) in terms.iter().enumerate() {
                assert_eq!(i == j, a.is(*b));
            }
        }
        assert_eq!(Term::pid(7).as_pid(), Some(7));
        assert_eq!(Term::local_ref(MAX_REF).as_local_ref(), Some(MAX_REF));
        assert_eq!(Term::atom(atom::OK).as_atom(), Some(atom::OK));
        assert_eq!(Term::small(7).unwrap().as_atom(), None);
    }

    #[test]
    fn headers_round_trip_every_kind() {
        for kind in Kind::ALL {
            let h = Header::new(kind, 12345);
            assert_eq!(h.kind(), kind);
            assert_eq!(h.arity(), 12345);
            assert_eq!(Header::from_word(h.raw()), Some(h));
        }
    }

    #[test]
    fn classes_of_immediates() {
        assert_eq!(Term::NIL.class(), Some(Class::List));
        assert_eq!(Term::NIL_ATOM.class(), Some(Class::Atom));
        assert_eq!(Term::pid(1).class(), Some(Class::Pid));
        assert_eq!(Term::local_ref(1).class(), Some(Class::Reference));
        assert_eq!(Term::NON_VALUE.class(), None);
    }
}
