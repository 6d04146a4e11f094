//! Lists: the `:erlang` list BIFs and the common `:lists` functions.
//!
//! `length`, `hd`, `tl`, `++`, `--`, `lists:reverse/2`, `member/2`, `keyfind/3` and
//! `keymember/3` are BIFs on the BEAM and raise `badarg`. The others are Erlang code in
//! `lists.erl`; they raise what that code raises (`function_clause` when no clause
//! matches, `badarith` from arithmetic on a bad element), decided by the same checks in
//! the same order.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use num_bigint::BigInt;

use super::arith::add_terms;
use super::{args, bigint_of, function_clause, list_vec, make_int, num, Num, MAX_BUILD_LEN};
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::order::{compare, eq, exact_eq, key_hash};
use crate::term::Term;

/// `length/1`: `badarg` for an improper list.
pub fn length(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [mut l] = args(a)?;
    let mut n: i64 = 0;
    while let Some((_, t)) = l.cons() {
        n += 1;
        l = t;
    }
    if l.is_nil() {
        Ok(p.heap.int(n))
    } else {
        Err(Raise::badarg())
    }
}

/// `hd/1`.
pub fn hd(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l] = args(a)?;
    l.cons().map(|(h, _)| h).ok_or_else(Raise::badarg)
}

/// `tl/1`.
pub fn tl(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l] = args(a)?;
    l.cons().map(|(_, t)| t).ok_or_else(Raise::badarg)
}

/// `a ++ b`: `a` must be a proper list; `b` can be anything (it becomes the tail).
pub fn append(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    if x.is_nil() {
        return Ok(y);
    }
    let items = list_vec(x).ok_or_else(Raise::badarg)?;
    Ok(p.heap.improper_list(&items, y))
}

/// `a -- b`: removes from `a` the first occurrence (by `=:=`) of each element of `b`.
pub fn subtract(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, y] = args(a)?;
    let (Some(left), Some(right)) = (list_vec(x), list_vec(y)) else {
        return Err(Raise::badarg());
    };
    if right.is_empty() || left.is_empty() {
        return Ok(x);
    }
    // Few to remove: a linear scan of them beats hashing.
    if right.len() <= 16 {
        let mut remove: Vec<Option<Term>> = right.into_iter().map(Some).collect();
        let mut kept = Vec::with_capacity(left.len());
        for t in left {
            match remove
                .iter_mut()
                .find(|r| r.is_some_and(|r| exact_eq(r, t)))
            {
                Some(slot) => *slot = None,
                None => kept.push(t),
            }
        }
        return Ok(p.heap.list(&kept));
    }
    // How many of each value to remove.
    let mut remove: HashMap<Exact, usize, BuildHasherDefault<WordHasher>> =
        HashMap::with_capacity_and_hasher(right.len(), Default::default());
    for t in right {
        *remove.entry(Exact(t)).or_default() += 1;
    }
    let mut kept = Vec::with_capacity(left.len());
    for t in left {
        match remove.get_mut(&Exact(t)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => kept.push(t),
        }
    }
    Ok(p.heap.list(&kept))
}

/// A term as a hash key, compared with `=:=`.
struct Exact(Term);

impl PartialEq for Exact {
    fn eq(&self, other: &Exact) -> bool {
        exact_eq(self.0, other.0)
    }
}

impl Eq for Exact {}

impl Hash for Exact {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Immediates are equal exactly when their words are: no need to walk them.
        if self.0.is_immediate() {
            state.write_u64(self.0.raw());
        } else {
            state.write_u64(key_hash(self.0));
        }
    }
}

/// A fast hasher for the one word [`Exact`] writes (FxHash's mixing step).
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Prepends the elements of the proper list `l`, reversed, to `acc`; `None` if `l` is not
/// a proper list.
fn reverse_onto(p: &mut Process, mut l: Term, mut acc: Term) -> Option<Term> {
    while let Some((h, t)) = l.cons() {
        acc = p.heap.cons(h, acc);
        l = t;
    }
    l.is_nil().then_some(acc)
}

/// `lists:reverse/1` (Erlang code: `function_clause` for a non-list or `[x | y]`; a longer
/// improper list fails in `reverse/2` with `badarg`).
pub fn reverse(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l] = args(a)?;
    if l.is_nil() {
        return Ok(l);
    }
    let (x, rest) = l.cons().ok_or_else(function_clause)?;
    if rest.is_nil() {
        return Ok(l);
    }
    let (y, rest) = rest.cons().ok_or_else(function_clause)?;
    let acc = p.heap.list(&[y, x]);
    reverse_onto(p, rest, acc).ok_or_else(Raise::badarg)
}

/// `lists:reverse/2`: the first list reversed onto the second (any term).
pub fn reverse2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l, tail] = args(a)?;
    reverse_onto(p, l, tail).ok_or_else(Raise::badarg)
}

/// `lists:member/2` (by `=:=`); `badarg` when the walk reaches an improper tail.
pub fn member(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [x, mut l] = args(a)?;
    while let Some((h, t)) = l.cons() {
        if exact_eq(h, x) {
            return Ok(Term::TRUE);
        }
        l = t;
    }
    if l.is_nil() {
        Ok(Term::FALSE)
    } else {
        Err(Raise::badarg())
    }
}

/// The first tuple in `l` whose `n`th element is `==` to `key`.
fn keysearch(key: Term, n: Term, mut l: Term) -> Result<Option<Term>, Raise> {
    let n = n.as_small().filter(|&n| n >= 1).ok_or_else(Raise::badarg)? as usize;
    while let Some((h, t)) = l.cons() {
        if let Some(elems) = h.tuple() {
            if elems.get(n - 1).is_some_and(|&e| eq(e, key)) {
                return Ok(Some(h));
            }
        }
        l = t;
    }
    if l.is_nil() {
        Ok(None)
    } else {
        Err(Raise::badarg())
    }
}

/// `lists:keyfind/3`: the tuple, or `false`.
pub fn keyfind(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [key, n, l] = args(a)?;
    Ok(keysearch(key, n, l)?.unwrap_or(Term::FALSE))
}

/// `lists:keysearch/3`: `{:value, tuple}`, or `false`.
pub fn keysearch3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [key, n, l] = args(a)?;
    Ok(match keysearch(key, n, l)? {
        Some(t) => p.heap.tuple(&[crate::bif::atom_term!("value"), t]),
        None => Term::FALSE,
    })
}

/// `lists:keymember/3`.
pub fn keymember(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [key, n, l] = args(a)?;
    Ok(Term::boolean(keysearch(key, n, l)?.is_some()))
}

/// The list `first, first + inc, ...` of `n` integers.
fn build_seq(p: &mut Process, first: &BigInt, inc: &BigInt, n: u64) -> Result<Term, Raise> {
    if n > MAX_BUILD_LEN {
        return Err(Raise::system_limit());
    }
    let n = n as usize;
    // Machine arithmetic when every element is a small integer.
    if let (Ok(f), Ok(d)) = (i64::try_from(first), i64::try_from(inc)) {
        let last = f as i128 + d as i128 * (n as i128 - 1);
        let small =
            |v: i128| v >= crate::term::MIN_SMALL as i128 && v <= crate::term::MAX_SMALL as i128;
        if small(f as i128) && small(last) {
            let mut items = Vec::with_capacity(n);
            let mut v = f;
            for _ in 0..n {
                items.push(Term::small(v).unwrap_or(Term::NIL));
                v = v.wrapping_add(d);
            }
            return Ok(p.heap.list(&items));
        }
    }
    let mut items = Vec::with_capacity(n);
    let mut v = first.clone();
    for _ in 0..n {
        items.push(make_int(p, &v)?);
        v += inc;
    }
    Ok(p.heap.list(&items))
}

/// `lists:seq/2`: `function_clause` unless both are integers with `first - 1 =< last`.
pub fn seq(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [f, l] = args(a)?;
    let (Some(first), Some(last)) = (bigint_of(f), bigint_of(l)) else {
        return Err(function_clause());
    };
    let count = &last - &first + 1;
    if count < BigInt::from(0) {
        return Err(function_clause());
    }
    let n = u64::try_from(&count).map_err(|_| Raise::system_limit())?;
    build_seq(p, &first, &BigInt::from(1), n)
}

/// `lists:seq/3`: `badarg` when the increment cannot reach `last`.
pub fn seq3(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [f, l, i] = args(a)?;
    let (Some(first), Some(last), Some(inc)) = (bigint_of(f), bigint_of(l), bigint_of(i)) else {
        return Err(Raise::badarg());
    };
    let zero = BigInt::from(0);
    let ok = (inc > zero && &first - &inc <= last) || (inc < zero && &first - &inc >= last);
    if ok {
        let count = (&last - &first + &inc) / &inc;
        let n = u64::try_from(&count).map_err(|_| Raise::system_limit())?;
        return build_seq(p, &first, &inc, n);
    }
    if inc == zero && first == last {
        return Ok(p.heap.list(&[f]));
    }
    Err(Raise::badarg())
}

/// `lists:nth/2`.
pub fn nth(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [n, mut l] = args(a)?;
    let mut n = match num(n) {
        Some(Num::Small(i)) => i,
        // A bignum is more than any list is long (negative ones match no clause).
        Some(Num::Big(negative, _)) => {
            if negative {
                return Err(function_clause());
            }
            i64::MAX
        }
        // A float never equals the integer 1 that the first clause wants.
        Some(Num::Float(_)) => return Err(function_clause()),
        // Any other term is greater than 1, so `N - 1` is tried: badarith.
        None => {
            return Err(if l.is_cons() {
                Raise::badarith()
            } else {
                function_clause()
            })
        }
    };
    loop {
        let (h, t) = l.cons().ok_or_else(function_clause)?;
        if n == 1 {
            return Ok(h);
        }
        if n < 1 {
            return Err(function_clause());
        }
        n -= 1;
        l = t;
    }
}

/// `lists:last/1`.
pub fn last(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l] = args(a)?;
    let (mut last, mut rest) = l.cons().ok_or_else(function_clause)?;
    while let Some((h, t)) = rest.cons() {
        last = h;
        rest = t;
    }
    if rest.is_nil() {
        Ok(last)
    } else {
        Err(function_clause())
    }
}

/// The elements of the deep list `l`, flattened; `None` on an improper list at any depth.
fn flatten_into(l: Term, out: &mut Vec<Term>) -> Option<()> {
    let mut stack = vec![l];
    while let Some(mut cur) = stack.pop() {
        while let Some((h, t)) = cur.cons() {
            if h.is_list() {
                stack.push(t);
                cur = h;
            } else {
                out.push(h);
                cur = t;
            }
        }
        if !cur.is_nil() {
            return None;
        }
    }
    Some(())
}

/// `lists:flatten/1`.
pub fn flatten(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l] = args(a)?;
    flatten2(p, &[l, Term::NIL])
}

/// `lists:flatten/2`: the flattened list, ending in `tail`.
pub fn flatten2(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l, tail] = args(a)?;
    if !l.is_list() || !tail.is_list() {
        return Err(function_clause());
    }
    let mut out = Vec::new();
    flatten_into(l, &mut out).ok_or_else(function_clause)?;
    Ok(p.heap.improper_list(&out, tail))
}

/// `lists:duplicate/2`.
pub fn duplicate(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [n, x] = args(a)?;
    let n = match num(n) {
        Some(Num::Small(i)) if i >= 0 => i as u64,
        Some(Num::Big(false, _)) => return Err(Raise::system_limit()),
        _ => return Err(function_clause()),
    };
    if n > MAX_BUILD_LEN {
        return Err(Raise::system_limit());
    }
    let items = vec![x; n as usize];
    Ok(p.heap.list(&items))
}

/// `lists:sum/1`: `0 + e1 + e2 + ...`, left to right.
pub fn sum(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [mut l] = args(a)?;
    let mut acc = Term::small(0).unwrap_or(Term::NIL);
    while let Some((h, t)) = l.cons() {
        acc = add_terms(p, acc, h)?;
        l = t;
    }
    if l.is_nil() {
        Ok(acc)
    } else {
        Err(function_clause())
    }
}

fn extreme(a: &[Term], better: std::cmp::Ordering) -> Result<Term, Raise> {
    let [l] = args(a)?;
    let (mut best, mut rest) = l.cons().ok_or_else(function_clause)?;
    while let Some((h, t)) = rest.cons() {
        if compare(h, best) == better {
            best = h;
        }
        rest = t;
    }
    if rest.is_nil() {
        Ok(best)
    } else {
        Err(function_clause())
    }
}

/// `lists:max/1`: the first of the largest elements.
pub fn max(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    extreme(a, std::cmp::Ordering::Greater)
}

/// `lists:min/1`: the first of the smallest elements.
pub fn min(_p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    extreme(a, std::cmp::Ordering::Less)
}
