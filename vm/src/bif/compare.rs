//! Comparison operators and the boolean operators `not and or xor`.

use std::cmp::Ordering;

use super::{args, boolean};
use crate::exception::Raise;
use crate::process::Process;
use crate::term::order;
use crate::term::Term;

fn rel(a: &[Term], f: fn(Term, Term) -> bool) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    Ok(Term::boolean(f(x, y)))
}

/// `==`.
pub fn eq(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    rel(a, order::eq)
}

/// `/=`.
pub fn ne(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    rel(a, |x, y| !order::eq(x, y))
}

/// `=:=`.
pub fn exact_eq(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    rel(a, order::exact_eq)
}

/// `=/=`.
pub fn exact_ne(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    rel(a, |x, y| !order::exact_eq(x, y))
}

/// `<`.
pub fn lt(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    rel(a, |x, y| order::compare(x, y) == Ordering::Less)
}

/// `>`.
pub fn gt(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    rel(a, |x, y| order::compare(x, y) == Ordering::Greater)
}

/// `=<`.
pub fn le(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    rel(a, |x, y| order::compare(x, y) != Ordering::Greater)
}

/// `>=`.
pub fn ge(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    rel(a, |x, y| order::compare(x, y) != Ordering::Less)
}

/// `not/1`: `badarg` unless a boolean.
pub fn not(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x] = args(a)?;
    let b = boolean(x).ok_or_else(Raise::badarg)?;
    Ok(Term::boolean(!b))
}

fn logic(a: &[Term], f: fn(bool, bool) -> bool) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    match (boolean(x), boolean(y)) {
        (Some(b), Some(c)) => Ok(Term::boolean(f(b, c))),
        _ => Err(Raise::badarg()),
    }
}

/// `and/2` (both sides evaluated; `badarg` unless both are booleans).
pub fn and(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    logic(a, |b, c| b && c)
}

/// `or/2`.
pub fn or(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    logic(a, |b, c| b || c)
}

/// `xor/2`.
pub fn xor(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    logic(a, |b, c| b != c)
}
