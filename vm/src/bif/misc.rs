//! `phash2` and the exception BIFs (`error`, `exit`, `throw`). `erlang:raise/3` needs the
//! stack trace, so the interpreter implements it.

use super::{args, num, Num};
use crate::exception::{Class, Raise};
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::phash2 as hash;
use crate::term::Term;

/// `phash2/1`: a hash in `0..2^27`.
pub fn phash2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    Ok(p.heap.int(hash::phash2(t) as i64))
}

/// `phash2/2`: a hash in `0..range`, `1 =< range =< 2^32`.
pub fn phash2_range(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, range] = args(a)?;
    let range = match num(range) {
        Some(Num::Small(r)) if (1..=1 << 32).contains(&r) => r,
        _ => return Err(Raise::badarg()),
    };
    // `phash2_range` takes 0 for 2^32.
    let h = hash::phash2_range(t, range as u32);
    Ok(p.heap.int(h as i64))
}

/// `error/1`.
pub fn error(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [reason] = args(a)?;
    Err(Raise::error(reason))
}

/// `error/2`: the arguments only matter to the stack trace.
pub fn error2(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [reason, _args] = args(a)?;
    Err(Raise::error(reason))
}

/// `error/3`: the arguments and options only matter to the stack trace.
pub fn error3(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [reason, _args, _opts] = args(a)?;
    Err(Raise::error(reason))
}

/// `exit/1`.
pub fn exit(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [reason] = args(a)?;
    Err(Raise {
        class: Class::Exit,
        reason,
    })
}

/// `throw/1`.
pub fn throw(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [reason] = args(a)?;
    Err(Raise {
        class: Class::Throw,
        reason,
    })
}
