//! Atoms to and from text.
//!
//! Names are at most 255 characters; a longer one (or a full atom table) is a
//! `system_limit` when an atom would be made, a `badarg` when one is only looked up.

use super::{args, small};
use crate::atom::{Atom, AtomError};
use crate::binary;
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::Term;

/// How a BIF reads or writes an atom's characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Latin1,
    Utf8,
}

fn encoding(t: Term) -> Result<Encoding, Raise> {
    match t.as_atom().map(Atom::name) {
        Some("latin1") => Ok(Encoding::Latin1),
        Some("utf8" | "unicode") => Ok(Encoding::Utf8),
        _ => Err(Raise::badarg()),
    }
}

fn the_atom(t: Term) -> Result<Atom, Raise> {
    t.as_atom().ok_or_else(Raise::badarg)
}

fn to_binary(p: &mut Process, t: Term, enc: Encoding) -> Result<Term, Raise> {
    let name = the_atom(t)?.name();
    match enc {
        Encoding::Utf8 => Ok(p.heap.binary(name.as_bytes())),
        Encoding::Latin1 => {
            let bytes = name
                .chars()
                .map(|c| u8::try_from(u32::from(c)).map_err(|_| Raise::badarg()))
                .collect::<Result<Vec<u8>, Raise>>()?;
            Ok(p.heap.binary(&bytes))
        }
    }
}

/// `atom_to_binary/1` (UTF-8).
pub fn atom_to_binary(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    to_binary(p, t, Encoding::Utf8)
}

/// `atom_to_binary/2`: `badarg` for a latin1 encoding of a character above 255.
pub fn atom_to_binary2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, enc] = args(a)?;
    let enc = encoding(enc)?;
    to_binary(p, t, enc)
}

/// The name a binary spells in `enc`; `badarg` for a bitstring or invalid UTF-8.
fn name_of(t: Term, enc: Encoding) -> Result<String, Raise> {
    let b = binary::bits(t)
        .filter(|b| b.is_binary())
        .ok_or_else(Raise::badarg)?;
    let bytes: Vec<u8> = (0..b.byte_len()).map(|i| b.byte(i)).collect();
    match enc {
        Encoding::Latin1 => Ok(bytes.iter().map(|&c| char::from(c)).collect()),
        Encoding::Utf8 => String::from_utf8(bytes).map_err(|_| Raise::badarg()),
    }
}

fn intern(name: &str) -> Result<Term, Raise> {
    match Atom::intern(name) {
        Ok(a) => Ok(Term::atom(a)),
        Err(AtomError::SystemLimit) => Err(Raise::system_limit()),
    }
}

fn existing(name: &str) -> Result<Term, Raise> {
    Atom::existing(name)
        .map(Term::atom)
        .ok_or_else(Raise::badarg)
}

/// `binary_to_atom/1` (UTF-8).
pub fn binary_to_atom(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    intern(&name_of(t, Encoding::Utf8)?)
}

/// `binary_to_atom/2`.
pub fn binary_to_atom2(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, enc] = args(a)?;
    let enc = encoding(enc)?;
    intern(&name_of(t, enc)?)
}

/// `binary_to_existing_atom/1`.
pub fn binary_to_existing_atom(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    existing(&name_of(t, Encoding::Utf8)?)
}

/// `binary_to_existing_atom/2`.
pub fn binary_to_existing_atom2(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t, enc] = args(a)?;
    let enc = encoding(enc)?;
    existing(&name_of(t, enc)?)
}

/// `atom_to_list/1`: the code points.
pub fn atom_to_list(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [t] = args(a)?;
    let name = the_atom(t)?.name();
    let items: Vec<Term> = name.chars().map(|c| small(c as usize)).collect();
    Ok(p.heap.list(&items))
}

/// Why a list of code points is no atom name.
enum BadName {
    /// Not a proper list of Unicode scalar values.
    Badarg,
    /// More than 255 characters.
    TooLong,
}

/// The name spelled by a list of code points, checked in the BEAM's order: the 256th
/// cell is too long whatever it holds; before that a bad element or tail is a `badarg`.
fn list_name(mut l: Term) -> Result<String, BadName> {
    let mut s = String::new();
    let mut n = 0;
    loop {
        if l.is_nil() {
            return Ok(s);
        }
        let (h, t) = l.cons().ok_or(BadName::Badarg)?;
        n += 1;
        if n > crate::atom::MAX_ATOM_CHARS {
            return Err(BadName::TooLong);
        }
        let c = h
            .as_small()
            .and_then(|i| u32::try_from(i).ok())
            .and_then(char::from_u32)
            .ok_or(BadName::Badarg)?;
        s.push(c);
        l = t;
    }
}

/// `list_to_atom/1`.
pub fn list_to_atom(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l] = args(a)?;
    match list_name(l) {
        Ok(name) => intern(&name),
        Err(BadName::Badarg) => Err(Raise::badarg()),
        Err(BadName::TooLong) => Err(Raise::system_limit()),
    }
}

/// `list_to_existing_atom/1`.
pub fn list_to_existing_atom(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l] = args(a)?;
    match list_name(l) {
        Ok(name) => existing(&name),
        Err(_) => Err(Raise::badarg()),
    }
}
