//! A decoded look at one term, for code that matches on what a term is (comparison,
//! hashing, printing).

use std::fmt;

use super::{map, Kind, Term};
use crate::atom::Atom;
use crate::binary::{self, Bits};
use crate::offheap::{self, Resource};

/// What a term is, with its parts.
#[derive(Clone, Copy)]
pub enum View<'a> {
    /// A small integer.
    Small(i64),
    /// A bignum: sign and magnitude limbs (little-endian).
    Big {
        /// True when negative.
        negative: bool,
        /// The magnitude, least significant limb first.
        limbs: &'a [u64],
    },
    /// A float.
    Float(f64),
    /// An atom.
    Atom(Atom),
    /// A local reference.
    LocalRef(u64),
    /// A reference carrying a resource.
    MagicRef(&'a Resource),
    /// A closure.
    Fun {
        /// Defining module.
        module: Atom,
        /// Fun number in the module.
        index: i64,
        /// Parameters.
        arity: i64,
        /// Captured terms.
        env: &'a [Term],
    },
    /// An external fun `&M.f/a`.
    Export {
        /// Module.
        module: Atom,
        /// Function.
        function: Atom,
        /// Arity.
        arity: i64,
    },
    /// A port.
    Port(u64),
    /// A pid.
    Pid(u64),
    /// A tuple.
    Tuple(&'a [Term]),
    /// A map (see [`map`] for access).
    Map(Term),
    /// `[]`.
    Nil,
    /// A list cell.
    Cons(Term, Term),
    /// A binary or bitstring.
    Bits(Bits<'a>),
    /// Not a term a program can see (the non-value, a catch marker, an inner map node).
    Internal,
}

impl Term {
    /// Decodes the term.
    pub fn view<'a>(self) -> View<'a> {
        if let Some(i) = self.as_small() {
            return View::Small(i);
        }
        if let Some(a) = self.as_atom() {
            return View::Atom(a);
        }
        if self.is_nil() {
            return View::Nil;
        }
        if let Some((h, t)) = self.cons() {
            return View::Cons(h, t);
        }
        if let Some(p) = self.as_pid() {
            return View::Pid(p);
        }
        if let Some(r) = self.as_local_ref() {
            return View::LocalRef(r);
        }
        if let Some(p) = self.as_port() {
            return View::Port(p);
        }
        let Some(kind) = self.kind() else {
            return View::Internal;
        };
        let small = |t: Option<&Term>| t.and_then(|t| t.as_small()).unwrap_or(0);
        let atom = |t: Option<&Term>| t.and_then(|t| t.as_atom()).unwrap_or(crate::atom::NIL);
        match kind {
            Kind::Tuple => View::Tuple(self.term_payload()),
            Kind::PosBig | Kind::NegBig => View::Big {
                negative: kind == Kind::NegBig,
                limbs: self.payload(),
            },
            Kind::Float => View::Float(self.as_float().unwrap_or(0.0)),
            Kind::FlatMap | Kind::HamtHead => View::Map(self),
            Kind::HamtNode | Kind::HamtCollision => View::Internal,
            Kind::Fun => {
                let p = self.term_payload();
                View::Fun {
                    module: atom(p.first()),
                    index: small(p.get(1)),
                    arity: small(p.get(2)),
                    env: p.get(3..).unwrap_or(&[]),
                }
            }
            Kind::Export => {
                let p = self.term_payload();
                View::Export {
                    module: atom(p.first()),
                    function: atom(p.get(1)),
                    arity: small(p.get(2)),
                }
            }
            Kind::HeapBin | Kind::RefcBin | Kind::SubBin => match binary::bits(self) {
                Some(b) => View::Bits(b),
                None => View::Internal,
            },
            Kind::MagicRef => match offheap::magic_resource(self) {
                Some(r) => View::MagicRef(r),
                None => View::Internal,
            },
        }
    }
}

/// Nesting beyond which `Debug` prints `...`: debug output must not overflow the stack on
/// hostile terms.
const DEBUG_DEPTH: usize = 64;

pub(super) fn debug_fmt(t: Term, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write_term(t, f, 0)
}

fn write_seq(items: &[Term], f: &mut fmt::Formatter<'_>, depth: usize) -> fmt::Result {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write_term(*x, f, depth + 1)?;
    }
    Ok(())
}

fn write_term(t: Term, f: &mut fmt::Formatter<'_>, depth: usize) -> fmt::Result {
    if depth > DEBUG_DEPTH {
        return f.write_str("...");
    }
    match t.view() {
        View::Small(i) => write!(f, "{i}"),
        View::Big { .. } => write!(f, "{}", super::bignum::to_bigint(t).unwrap_or_default()),
        View::Float(x) => write!(f, "{x:?}"),
        View::Atom(a) => write!(f, ":{}", a.name()),
        View::LocalRef(r) => write!(f, "#Reference<0.{r}>"),
        View::MagicRef(r) => write!(f, "#Reference<0.{}>", r.serial()),
        View::Fun {
            module,
            index,
            arity,
            ..
        } => {
            write!(f, "#Function<{index}/{arity} in {}>", module.name())
        }
        View::Export {
            module,
            function,
            arity,
        } => {
            write!(f, "&{}.{}/{arity}", module.name(), function.name())
        }
        View::Port(p) => write!(f, "#Port<0.{p}>"),
        View::Pid(p) => write!(f, "#PID<0.{p}.0>"),
        View::Tuple(elems) => {
            f.write_str("{")?;
            write_seq(elems, f, depth)?;
            f.write_str("}")
        }
        View::Map(m) => {
            f.write_str("%{")?;
            for (i, (k, v)) in map::iter(m).enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write_term(k, f, depth + 1)?;
                f.write_str(" => ")?;
                write_term(v, f, depth + 1)?;
            }
            f.write_str("}")
        }
        View::Nil => f.write_str("[]"),
        View::Cons(..) => {
            f.write_str("[")?;
            let mut cur = t;
            let mut first = true;
            while let Some((h, tail)) = cur.cons() {
                if !first {
                    f.write_str(", ")?;
                }
                first = false;
                write_term(h, f, depth + 1)?;
                cur = tail;
            }
            if !cur.is_nil() {
                f.write_str(" | ")?;
                write_term(cur, f, depth + 1)?;
            }
            f.write_str("]")
        }
        View::Bits(b) => {
            f.write_str("<<")?;
            for i in 0..b.byte_len() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{}", b.byte(i))?;
            }
            if b.bit_size % 8 != 0 {
                write!(f, "::size({})", b.bit_size % 8)?;
            }
            f.write_str(">>")
        }
        View::Internal => write!(f, "#Internal<{:#x}>", t.raw()),
    }
}
