//! Type tests.

use super::{args, boolean, num, Num};
use crate::exception::Raise;
use crate::process::Process;
use crate::term::{Term, View};

fn test(a: &[Term], f: fn(Term) -> bool) -> Result<Term, Raise> {
    let [x] = args(a)?;
    Ok(Term::boolean(f(x)))
}

/// `is_atom/1`.
pub fn is_atom(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, Term::is_atom)
}

/// `is_binary/1`: a bitstring of whole bytes.
pub fn is_binary(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, |t| {
        crate::binary::bits(t).is_some_and(|b| b.bit_size.is_multiple_of(8))
    })
}

/// `is_bitstring/1`.
pub fn is_bitstring(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, Term::is_bitstring)
}

/// `is_boolean/1`.
pub fn is_boolean(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, |t| boolean(t).is_some())
}

/// `is_float/1`.
pub fn is_float(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, |t| t.as_float().is_some())
}

/// `is_function/1`.
pub fn is_function(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, Term::is_fun)
}

/// `is_function/2`: `badarg` unless the arity is a non-negative integer.
pub fn is_function2(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [f, n] = args(a)?;
    let want = match num(n) {
        Some(Num::Small(i)) if i >= 0 => i,
        // No fun has that many parameters.
        Some(Num::Big(false, _)) => return Ok(Term::FALSE),
        _ => return Err(Raise::badarg()),
    };
    let arity = match f.view() {
        View::Fun { arity, .. } | View::Export { arity, .. } => Some(arity),
        _ => None,
    };
    Ok(Term::boolean(arity == Some(want)))
}

/// `is_integer/1`.
pub fn is_integer(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, Term::is_integer)
}

/// `is_list/1`: `[]` or a cons cell (proper or not).
pub fn is_list(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, Term::is_list)
}

/// `is_map/1`.
pub fn is_map(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, Term::is_map)
}

/// `is_number/1`.
pub fn is_number(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, Term::is_number)
}

/// `is_pid/1`.
pub fn is_pid(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, Term::is_pid)
}

/// `is_port/1`.
pub fn is_port(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, Term::is_port)
}

/// `is_reference/1`.
pub fn is_reference(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, Term::is_reference)
}

/// `is_tuple/1`.
pub fn is_tuple(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    test(a, |t| t.tuple().is_some())
}
