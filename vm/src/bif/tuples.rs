//! Tuples.

use super::{args, list_vec, small, usize_of, MAX_TUPLE_SIZE};
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::Term;

fn elems<'a>(t: Term) -> Result<&'a [Term], Raise> {
    t.tuple().ok_or_else(Raise::badarg)
}

/// A 1-based index into `len` elements, as a 0-based one.
fn index(n: Term, len: usize) -> Result<usize, Raise> {
    match usize_of(n) {
        Some(i) if i >= 1 && i <= len => Ok(i - 1),
        _ => Err(Raise::badarg()),
    }
}

/// `element/2`.
pub fn element(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [n, t] = args(a)?;
    let e = elems(t)?;
    let i = index(n, e.len())?;
    e.get(i).copied().ok_or_else(Raise::badarg)
}

/// `setelement/3`.
pub fn setelement(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [n, t, v] = args(a)?;
    let e = elems(t)?;
    let i = index(n, e.len())?;
    let mut copy = e.to_vec();
    copy[i] = v;
    Ok(p.heap.tuple(&copy))
}

/// `tuple_size/1`.
pub fn tuple_size(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    Ok(small(elems(t)?.len()))
}

/// `size/1`: a tuple's size, or the number of whole bytes of a bitstring.
pub fn size(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    if let Some(e) = t.tuple() {
        return Ok(small(e.len()));
    }
    match crate::binary::bits(t) {
        Some(b) => Ok(small(b.bit_size / 8)),
        None => Err(Raise::badarg()),
    }
}

fn arity(n: Term) -> Result<usize, Raise> {
    usize_of(n)
        .filter(|&n| n <= MAX_TUPLE_SIZE)
        .ok_or_else(Raise::badarg)
}

/// `make_tuple/2`.
pub fn make_tuple(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [n, v] = args(a)?;
    let n = arity(n)?;
    let items = vec![v; n];
    Ok(p.heap.tuple(&items))
}

/// `make_tuple/3`: `n` copies of the default, then each `{position, value}` of the list
/// applied in order.
pub fn make_tuple3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [n, v, init] = args(a)?;
    let n = arity(n)?;
    let init = list_vec(init).ok_or_else(Raise::badarg)?;
    let mut items = vec![v; n];
    for pair in init {
        match pair.tuple() {
            Some(&[pos, value]) => {
                let i = index(pos, n)?;
                items[i] = value;
            }
            _ => return Err(Raise::badarg()),
        }
    }
    Ok(p.heap.tuple(&items))
}

/// `tuple_to_list/1`.
pub fn tuple_to_list(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let e = elems(t)?;
    Ok(p.heap.list(e))
}

/// `list_to_tuple/1`.
pub fn list_to_tuple(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l] = args(a)?;
    let items = list_vec(l).ok_or_else(Raise::badarg)?;
    if items.len() > MAX_TUPLE_SIZE {
        return Err(Raise::badarg());
    }
    Ok(p.heap.tuple(&items))
}

/// `append_element/2`.
pub fn append_element(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, v] = args(a)?;
    let e = elems(t)?;
    if e.len() >= MAX_TUPLE_SIZE {
        return Err(Raise::badarg());
    }
    let mut items = Vec::with_capacity(e.len() + 1);
    items.extend_from_slice(e);
    items.push(v);
    Ok(p.heap.tuple(&items))
}

/// `delete_element/2`.
pub fn delete_element(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [n, t] = args(a)?;
    let e = elems(t)?;
    let i = index(n, e.len())?;
    let mut items = e.to_vec();
    items.remove(i);
    Ok(p.heap.tuple(&items))
}

/// `insert_element/3`: the new element at 1-based position `n`, `1 =< n =< size + 1`.
pub fn insert_element(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [n, t, v] = args(a)?;
    let e = elems(t)?;
    if e.len() >= MAX_TUPLE_SIZE {
        return Err(Raise::badarg());
    }
    let i = index(n, e.len() + 1)?;
    let mut items = e.to_vec();
    items.insert(i, v);
    Ok(p.heap.tuple(&items))
}
