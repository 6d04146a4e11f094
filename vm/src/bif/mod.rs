//! Built-in functions: the `:erlang` BIFs (and a few of Beamlet's own) implemented in Rust.
//!
//! A BIF takes its arguments as a slice and returns a term or raises. It may allocate on
//! the process heap (allocation never fails) but never collects: the interpreter only
//! collects at safepoints between instructions, so the argument terms stay valid for the
//! whole call. A BIF over a long list or binary should be cheap per element; the
//! interpreter charges reductions in proportion to its work.
//!
//! [`lookup`] finds a BIF by module, name and arity; the loader resolves a module's imports
//! through it, so a call to a BIF costs what a native call costs.

use crate::atom::Atom;
use crate::exception::Raise;
use crate::process::Process;
use crate::term::Term;

/// A native function.
pub type BifFn = fn(&mut Process, &[Term]) -> Result<Term, Raise>;

/// The BIF `module.name/arity`, if there is one.
pub fn lookup(module: Atom, name: Atom, arity: usize) -> Option<BifFn> {
    let _ = (module, name, arity);
    None
}
