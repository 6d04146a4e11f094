//! Exceptions as the interpreter and the BIFs raise them: a class and a reason term.
//!
//! The stack trace is added by the interpreter when the exception leaves the frame that
//! raised it; BIFs only say what went wrong. Reasons are Erlang terms (`:badarg`,
//! `{:badkey, k}`, ...); Elixir's exception structs are made from them by
//! `Exception.normalize` when a `rescue` or the top level looks at them.

use crate::atom::{self, Atom};
use crate::heap::TermAlloc;
use crate::term::Term;

/// The class of an exception, as `catch kind, reason` sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// `:error` (`raise`, `:erlang.error/1`, runtime errors).
    Error,
    /// `:exit`.
    Exit,
    /// `:throw`.
    Throw,
}

impl Class {
    /// The atom naming the class.
    pub fn atom(self) -> Atom {
        match self {
            Class::Error => atom::ERROR,
            Class::Exit => Atom::intern("exit").unwrap_or(atom::ERROR),
            Class::Throw => atom::THROW,
        }
    }
}

/// A raised exception: class and reason. The reason lives on the raising process's heap
/// (or is an immediate).
#[derive(Clone, Copy, Debug)]
pub struct Raise {
    /// Error, exit or throw.
    pub class: Class,
    /// The reason term.
    pub reason: Term,
}

impl Raise {
    /// `error(reason)`.
    pub fn error(reason: Term) -> Raise {
        Raise {
            class: Class::Error,
            reason,
        }
    }

    /// `error(:badarg)`.
    pub fn badarg() -> Raise {
        Raise::error(Term::atom(atom::BADARG))
    }

    /// `error(:badarith)`.
    pub fn badarith() -> Raise {
        Raise::error(Term::atom(atom::BADARITH))
    }

    /// `error(:system_limit)`.
    pub fn system_limit() -> Raise {
        Raise::error(Term::atom(atom::SYSTEM_LIMIT))
    }

    /// `error({tag, value})`, the tuple built on `heap`.
    pub fn tagged<A: TermAlloc + ?Sized>(heap: &mut A, tag: Atom, value: Term) -> Raise {
        let t = heap.tuple(&[Term::atom(tag), value]);
        Raise::error(t)
    }
}
