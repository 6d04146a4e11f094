//! Maps: `map_size`, `is_map_key`, `map_get` and the common `:maps` functions.
//!
//! A non-map argument raises `{:badmap, m}`, a missing key `{:badkey, k}` where the BEAM
//! does; a malformed list (`maps:from_list/1`, `maps:from_keys/2`) is a `badarg`.
//! `keys/1`, `values/1` and `to_list/1` follow the map's iteration order: key order up to
//! 32 keys (the BEAM's order too), hash order above (docs/internals/terms.md).

use super::{args, atom_term, badkey, badmap, list_vec, small};
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::{map, Term};

fn the_map(p: &mut Process, m: Term) -> Result<Term, Raise> {
    if m.is_map() {
        Ok(m)
    } else {
        Err(badmap(p, m))
    }
}

/// `map_size/1`, `maps:size/1`.
pub fn map_size(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [m] = args(a)?;
    let m = the_map(p, m)?;
    Ok(small(map::size(m)))
}

/// `is_map_key/2`, `maps:is_key/2`.
pub fn is_key(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [k, m] = args(a)?;
    let m = the_map(p, m)?;
    Ok(Term::boolean(map::get(m, k).is_some()))
}

/// `map_get/2`, `maps:get/2`.
pub fn get(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [k, m] = args(a)?;
    let m = the_map(p, m)?;
    match map::get(m, k) {
        Some(v) => Ok(v),
        None => Err(badkey(p, k)),
    }
}

/// `maps:get/3`: the default for a missing key.
pub fn get3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [k, m, default] = args(a)?;
    let m = the_map(p, m)?;
    Ok(map::get(m, k).unwrap_or(default))
}

/// `maps:find/2`: `{:ok, v}` or `:error`.
pub fn find(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [k, m] = args(a)?;
    let m = the_map(p, m)?;
    match map::get(m, k) {
        Some(v) => Ok(p.heap.tuple(&[Term::atom(crate::atom::OK), v])),
        None => Ok(Term::atom(crate::atom::ERROR)),
    }
}

/// `maps:put/3`.
pub fn put(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [k, v, m] = args(a)?;
    let m = the_map(p, m)?;
    Ok(map::put(&mut p.heap, m, k, v))
}

/// `maps:remove/2`.
pub fn remove(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [k, m] = args(a)?;
    let m = the_map(p, m)?;
    Ok(map::remove(&mut p.heap, m, k))
}

/// `maps:keys/1`.
pub fn keys(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [m] = args(a)?;
    let m = the_map(p, m)?;
    let ks: Vec<Term> = map::iter(m).map(|(k, _)| k).collect();
    Ok(p.heap.list(&ks))
}

/// `maps:values/1`.
pub fn values(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [m] = args(a)?;
    let m = the_map(p, m)?;
    let vs: Vec<Term> = map::iter(m).map(|(_, v)| v).collect();
    Ok(p.heap.list(&vs))
}

/// `maps:to_list/1`: `{key, value}` pairs.
pub fn to_list(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [m] = args(a)?;
    let m = the_map(p, m)?;
    let pairs: Vec<(Term, Term)> = map::iter(m).collect();
    let tuples: Vec<Term> = pairs.iter().map(|&(k, v)| p.heap.tuple(&[k, v])).collect();
    Ok(p.heap.list(&tuples))
}

/// `maps:from_list/1`: the last of equal keys wins.
pub fn from_list(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l] = args(a)?;
    let items = list_vec(l).ok_or_else(Raise::badarg)?;
    let mut pairs = Vec::with_capacity(items.len());
    for t in items {
        match t.tuple() {
            Some(&[k, v]) => pairs.push((k, v)),
            _ => return Err(Raise::badarg()),
        }
    }
    Ok(map::from_pairs(&mut p.heap, &pairs))
}

/// `maps:merge/2`: the second map's values win.
pub fn merge(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [m1, m2] = args(a)?;
    let m1 = the_map(p, m1)?;
    let m2 = the_map(p, m2)?;
    if map::size(m2) == 0 {
        return Ok(m1);
    }
    if map::size(m1) == 0 {
        return Ok(m2);
    }
    let pairs: Vec<(Term, Term)> = map::iter(m1).chain(map::iter(m2)).collect();
    Ok(map::from_pairs(&mut p.heap, &pairs))
}

/// `maps:take/2`: `{value, map_without_key}` or `:error`.
pub fn take(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [k, m] = args(a)?;
    let m = the_map(p, m)?;
    match map::get(m, k) {
        Some(v) => {
            let rest = map::remove(&mut p.heap, m, k);
            Ok(p.heap.tuple(&[v, rest]))
        }
        None => Ok(atom_term!("error")),
    }
}

/// `maps:update/3`: `{:badkey, k}` unless the key is there.
pub fn update(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [k, v, m] = args(a)?;
    let m = the_map(p, m)?;
    if map::get(m, k).is_none() {
        return Err(badkey(p, k));
    }
    Ok(map::put(&mut p.heap, m, k, v))
}

/// `maps:new/0`.
pub fn new(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [] = args(a)?;
    Ok(map::empty(&mut p.heap))
}

/// `maps:from_keys/2`: every key of the list mapped to the value.
pub fn from_keys(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l, v] = args(a)?;
    let keys = list_vec(l).ok_or_else(Raise::badarg)?;
    let pairs: Vec<(Term, Term)> = keys.into_iter().map(|k| (k, v)).collect();
    Ok(map::from_pairs(&mut p.heap, &pairs))
}
