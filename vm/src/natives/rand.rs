//! `:rand`: OTP's default generator, `exsss` (Xorshift116** on two 58-bit words), with
//! OTP's seeding and its mappings to floats and ranges, so a seeded program draws the
//! same numbers as on the BEAM.
//!
//! The state is per process (`Process::rand`), as OTP keeps it in the process dictionary.
//! A process that draws before seeding is seeded from the clock and a unique integer,
//! like OTP's `seed(exsss)`.
//!
//! `seed/1,2` return `{%{type: :exsss, bits: 58}, [s0 | s1]}`: OTP's state, except that
//! OTP's algorithm map also holds the algorithm's funs.

use std::sync::atomic::{AtomicU64, Ordering};

use num_bigint::BigInt;

use crate::bif::atom_term;
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::{map, Term};

const MASK58: u64 = (1 << 58) - 1;

/// One step of `exsss`: the output and the next state.
fn next(s: [u64; 2]) -> (u64, [u64; 2]) {
    let [s1, s0] = s;
    let s0 = s0 & MASK58;
    let s1b = (s1 & MASK58) ^ ((s1 & ((1 << 34) - 1)) << 24);
    let new_s1 = s1b ^ s0 ^ (s1b >> 11) ^ (s0 >> 41);
    // The `**` scrambler: rotl58(s0 * 5, 7) * 9, modulo 2^58.
    let v1 = (s0 + ((s0 & ((1 << 56) - 1)) << 2)) & MASK58;
    let v2 = ((v1 & ((1 << 51) - 1)) << 7) | ((v1 >> 51) & 0x7F);
    let out = (v2 + ((v2 & ((1 << 55) - 1)) << 3)) & MASK58;
    (out, [s0, new_s1])
}

/// SplitMix64, which OTP uses to spread a seed over the state words.
fn splitmix64(x: u64) -> (u64, u64) {
    let x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31), x)
}

/// A non-zero 58-bit word from SplitMix64, and the SplitMix64 state after it.
fn seed58(mut x: u64) -> (u64, u64) {
    loop {
        let (z, nx) = splitmix64(x);
        x = nx;
        if z & MASK58 != 0 {
            return (z & MASK58, x);
        }
    }
}

/// The low 64 bits of an integer, in two's complement (all that SplitMix64 reads).
fn low64(t: Term) -> Option<u64> {
    if let Some(i) = t.as_small() {
        return Some(i as u64);
    }
    let n = crate::bif::bigint_of(t)?;
    let m = n & BigInt::from(u64::MAX);
    u64::try_from(m).ok()
}

/// OTP's `exsss_seed/1`: from an integer, a tuple of three integers, or a list of (at
/// most two, not all zero) integers. `Err` carries the error OTP raises.
fn seed_state(seed: Term) -> Result<[u64; 2], SeedError> {
    if let Some(x) = low64(seed) {
        let (s0, x) = seed58(x);
        let (s1, _) = seed58(x);
        return Ok([s0, s1]);
    }
    if let Some([a1, a2, a3]) = seed.tuple().and_then(|t| <[Term; 3]>::try_from(t).ok()) {
        let (a1, a2, a3) = (
            low64(a1).ok_or(SeedError::Clause)?,
            low64(a2).ok_or(SeedError::Clause)?,
            low64(a3).ok_or(SeedError::Clause)?,
        );
        let (_, x0) = seed58(a1);
        let (s0, x1) = seed58(a2 ^ x0);
        let (s1, _) = seed58(a3 ^ x1);
        return Ok([s0, s1]);
    }
    if seed.is_list() {
        let mut words = [0u64; 2];
        let mut n = 0;
        let mut l = seed;
        while let Some((h, t)) = l.cons() {
            if n == 2 {
                return Err(SeedError::Error("too_many_seed_integers"));
            }
            words[n] = low64(h).ok_or(SeedError::Error("non_integer_seed"))? & MASK58;
            n += 1;
            l = t;
        }
        if words == [0, 0] {
            return Err(SeedError::Error("zero_seed"));
        }
        return Ok(words);
    }
    Err(SeedError::Clause)
}

enum SeedError {
    /// No clause of OTP's seed function matches.
    Clause,
    /// `error(reason)`.
    Error(&'static str),
}

/// A seed for a process that draws before seeding.
fn default_state() -> [u64; 2] {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let c = COUNTER.fetch_add(1, Ordering::Relaxed);
    let (_, x0) = seed58(0x5EED ^ c.rotate_left(32));
    let (s0, x1) = seed58(t ^ x0);
    let (s1, _) = seed58(c.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ x1);
    [s0, s1]
}

fn state(p: &mut Process) -> [u64; 2] {
    *p.rand.get_or_insert_with(default_state)
}

/// The state as OTP shows it: `{%{type: :exsss, bits: 58}, [s0 | s1]}`.
fn state_term(p: &mut Process, s: [u64; 2]) -> Term {
    let alg = map::from_pairs(
        &mut p.heap,
        &[
            (atom_term!("type"), atom_term!("exsss")),
            (atom_term!("bits"), Term::small(58).unwrap_or(Term::NIL)),
        ],
    );
    let (a, b) = (p.heap.int(s[0] as i64), p.heap.int(s[1] as i64));
    let words = p.heap.cons(a, b);
    p.heap.tuple(&[alg, words])
}

/// `:rand.uniform/0`: a float in `[0.0, 1.0)` with 53 random bits.
pub(super) fn uniform0(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    let (v, s) = next(state(p));
    p.rand = Some(s);
    Ok(p.heap.float((v >> 5) as f64 * 1.110_223_024_625_156_5e-16))
}

/// `:rand.uniform/1`: an integer in `1..n`, by rejection as OTP draws it.
pub(super) fn uniform1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [n] = args else {
        return Err(Raise::badarg());
    };
    let range = match n.as_small() {
        Some(r) if r > 1 << 58 => return uniform_big(p, *n),
        Some(r) if r >= 1 => r as u64,
        _ if crate::bif::bigint_of(*n).is_some_and(|b| b.sign() == num_bigint::Sign::Plus) => {
            return uniform_big(p, *n);
        }
        _ => {
            // OTP: no clause of `uniform_s(N, State)` matches.
            let st = state(p);
            let st = state_term(p, st);
            let args = p.heap.list(&[*n, st]);
            p.pending_top = Some(Box::new([
                atom_term!("rand"),
                atom_term!("uniform_s"),
                args,
                Term::NIL,
            ]));
            return Err(crate::bif::function_clause());
        }
    };
    let mut s = state(p);
    // range <= 2^58 here.
    let max_minus_range = (1u64 << 58) - range;
    loop {
        let (v, ns) = next(s);
        s = ns;
        if v < range {
            p.rand = Some(s);
            return Ok(p.heap.int(v as i64 + 1));
        }
        let i = v % range;
        if v - i <= max_minus_range {
            p.rand = Some(s);
            return Ok(p.heap.int(i as i64 + 1));
        }
    }
}

/// `uniform/1` for a range past 2^58: OTP's `uniform_range`, which joins several
/// outputs into one number of enough bits.
fn uniform_big(p: &mut Process, n: Term) -> Result<Term, Raise> {
    let range = crate::bif::bigint_of(n).unwrap_or_default();
    let mut s = state(p);
    let (mut v, ns) = next(s);
    s = ns;
    loop {
        // The range is not a power of two here in general: OTP's second branch.
        let pow2 = (&range & (&range - 1u32)) == BigInt::from(0);
        let (mut acc, mut bits) = (BigInt::from(v), 58u64);
        let mut r = &range >> if pow2 { 58 } else { 56 };
        while r > BigInt::from(1) {
            let (w, ns) = next(s);
            s = ns;
            acc = (acc << 58) | BigInt::from(w);
            bits += 58;
            r >>= 58;
        }
        if pow2 {
            p.rand = Some(s);
            let x: BigInt = (acc & (&range - 1u32)) + 1u32;
            return crate::bif::make_int(p, &x);
        }
        let i = &acc % &range;
        if &acc - &i <= (BigInt::from(1) << bits) - &range {
            p.rand = Some(s);
            let x: BigInt = i + 1u32;
            return crate::bif::make_int(p, &x);
        }
        let (w, ns) = next(s);
        s = ns;
        v = w;
    }
}

/// `:rand.seed/2`: `:exsss` or `:default` with an integer, a 3-tuple or a list.
pub(super) fn seed2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [alg, seed] = args else {
        return Err(Raise::badarg());
    };
    check_alg(p, *alg)?;
    let s = match seed_state(*seed) {
        Ok(s) => s,
        Err(SeedError::Error(reason)) => {
            return Err(Raise::error(Term::atom(
                crate::atom::Atom::intern(reason).unwrap_or(crate::atom::NIL),
            )))
        }
        Err(SeedError::Clause) => {
            let args = p.heap.list(&[*seed]);
            p.pending_top = Some(Box::new([
                atom_term!("rand"),
                atom_term!("exsss_seed"),
                args,
                Term::NIL,
            ]));
            return Err(crate::bif::function_clause());
        }
    };
    p.rand = Some(s);
    Ok(state_term(p, s))
}

/// `:rand.seed/1`: `:exsss` or `:default` with a fresh seed, or an exported state
/// `{:exsss, [s0 | s1]}`.
pub(super) fn seed1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [arg] = args else {
        return Err(Raise::badarg());
    };
    if let Some([alg, words]) = arg.tuple().and_then(|t| <[Term; 2]>::try_from(t).ok()) {
        check_alg(p, alg)?;
        let Some((Some(a), Some(b))) = words.cons().map(|(a, b)| (low64(a), low64(b))) else {
            return Err(Raise::badarg());
        };
        let s = [a, b];
        p.rand = Some(s);
        return Ok(state_term(p, s));
    }
    check_alg(p, *arg)?;
    let s = default_state();
    p.rand = Some(s);
    Ok(state_term(p, s))
}

/// Only `exsss` (OTP's default) is here. OTP's other algorithms raise
/// `{:unsupported_algorithm, name}` rather than draw other numbers than OTP would; an
/// unknown name fails like OTP's `mk_alg/1`.
fn check_alg(p: &mut Process, alg: Term) -> Result<(), Raise> {
    match alg.as_atom().map(|a| a.name()) {
        Some("exsss" | "default") => Ok(()),
        Some("exs64" | "exsplus" | "exsp" | "exs1024" | "exs1024s" | "exrop" | "exro928ss") => {
            let reason = p.heap.tuple(&[atom_term!("unsupported_algorithm"), alg]);
            Err(Raise::error(reason))
        }
        _ => {
            let args = p.heap.list(&[alg]);
            p.pending_top = Some(Box::new([
                atom_term!("rand"),
                atom_term!("mk_alg"),
                args,
                Term::NIL,
            ]));
            Err(crate::bif::function_clause())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference() {
        // The first output of SplitMix64 from 0 (Vigna's reference implementation).
        assert_eq!(splitmix64(0).0, 0xE220_A839_7B1D_CDAF);
    }
}
