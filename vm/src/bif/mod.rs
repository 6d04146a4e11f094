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
//!
//! Every BIF is listed once, in the table at the bottom of this file. Error reasons are the
//! BEAM's (checked against OTP 25 by `vm/tests/bifs.rs` and its oracle,
//! `vm/tests/oracle/bifs.exs`). Some functions here are not BIFs on the BEAM but Erlang
//! code in `lists`, `maps` or `math` (`lists:sort/1`, `lists:seq/2`, ...); they raise what
//! that Erlang code raises (`function_clause` and friends), and `lists:sort/1` follows the
//! Erlang merge sort step by step, since its order of equal elements is observable.
//!
//! No BIF recurses on the length of a list or binary, or on the depth of a term: long
//! lists are walked in loops and nested ones (`flatten`, iolists) with explicit stacks.

use std::sync::OnceLock;

use num_bigint::BigInt;

use crate::atom::{self, Atom};
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::{Kind, Term};

mod arith;
mod atoms;
pub(crate) mod binaries;
mod compare;
pub(crate) mod convert;
mod etf;
mod lists;
mod maps;
mod math;
mod misc;
mod sort;
mod tuples;
mod types;

/// A native function.
pub type BifFn = fn(&mut Process, &[Term]) -> Result<Term, Raise>;

/// The BIF `module.name/arity`, if there is one.
pub fn lookup(module: Atom, name: Atom, arity: usize) -> Option<BifFn> {
    let arity = u8::try_from(arity).ok()?;
    table().get(&(module, name, arity)).copied()
}

/// Every BIF as (module, name, arity): for listings and tests.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str, u8)> {
    BIFS.iter().map(|&(m, f, a, _)| (m, f, a))
}

fn table() -> &'static crate::atom::AtomMap<(Atom, Atom, u8), BifFn> {
    static TABLE: OnceLock<crate::atom::AtomMap<(Atom, Atom, u8), BifFn>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = crate::atom::AtomMap::default();
        for &(m, f, a, func) in BIFS {
            // Interning only fails when the atom table is full; such a BIF cannot be
            // called anyway, since no module could name it.
            if let (Ok(m), Ok(f)) = (Atom::intern(m), Atom::intern(f)) {
                t.insert((m, f, a), func);
            }
        }
        t
    })
}

// ----- helpers shared by the BIF modules -------------------------------------------------

/// The arguments as an array of `N`; `badarg` if the interpreter passed another number
/// (it never does: a BIF is looked up by arity).
#[inline]
pub(crate) fn args<const N: usize>(a: &[Term]) -> Result<[Term; N], Raise> {
    a.try_into().map_err(|_| Raise::badarg())
}

/// An atom by name, interned once per call site.
macro_rules! atom_of {
    ($name:literal) => {{
        static A: std::sync::OnceLock<Option<$crate::atom::Atom>> = std::sync::OnceLock::new();
        A.get_or_init(|| $crate::atom::Atom::intern($name).ok())
            .unwrap_or($crate::atom::NIL)
    }};
}
pub(crate) use atom_of;

/// An atom term by name.
macro_rules! atom_term {
    ($name:literal) => {
        $crate::term::Term::atom($crate::bif::atom_of!($name))
    };
}
pub(crate) use atom_term;

/// `error(:function_clause)`: what the Erlang code behind some of these functions raises
/// when no clause matches.
pub(crate) fn function_clause() -> Raise {
    Raise::error(Term::atom(atom::FUNCTION_CLAUSE))
}

/// `{:badmap, m}`.
pub(crate) fn badmap(p: &mut Process, m: Term) -> Raise {
    Raise::tagged(&mut p.heap, atom::BADMAP, m)
}

/// `{:badkey, k}`.
pub(crate) fn badkey(p: &mut Process, k: Term) -> Raise {
    Raise::tagged(&mut p.heap, atom::BADKEY, k)
}

/// The largest bignum, in 64-bit limbs: the BEAM's `BIG_ARITY_MAX` on 64-bit machines.
/// Results past it raise `system_limit`.
pub(crate) const MAX_BIG_LIMBS: u64 = (1 << 19) - 1;

/// The largest tuple (`ERTS_MAX_TUPLE_SIZE`).
pub(crate) const MAX_TUPLE_SIZE: usize = (1 << 24) - 1;

/// The most elements a BIF builds in one list. The BEAM has no such limit, it runs out of
/// memory instead; past this many words we raise `system_limit` rather than abort.
pub(crate) const MAX_BUILD_LEN: u64 = 1 << 32;

/// An integer result: small when it fits, `system_limit` past the bignum size limit.
pub(crate) fn make_int(p: &mut Process, n: &BigInt) -> Result<Term, Raise> {
    if n.bits() > MAX_BIG_LIMBS * 64 {
        return Err(Raise::system_limit());
    }
    Ok(p.heap.bigint(n))
}

/// A number as the arithmetic sees it.
pub(crate) enum Num<'a> {
    /// A small integer.
    Small(i64),
    /// A bignum: sign and magnitude limbs.
    Big(bool, &'a [u64]),
    /// A float.
    Float(f64),
}

/// The number `t`, if it is one.
#[inline]
pub(crate) fn num<'a>(t: Term) -> Option<Num<'a>> {
    if let Some(i) = t.as_small() {
        return Some(Num::Small(i));
    }
    match t.kind()? {
        Kind::PosBig => Some(Num::Big(false, t.payload())),
        Kind::NegBig => Some(Num::Big(true, t.payload())),
        Kind::Float => t.as_float().map(Num::Float),
        _ => None,
    }
}

/// The integer `t` (small or big) as a `BigInt`.
pub(crate) fn bigint_of(t: Term) -> Option<BigInt> {
    crate::term::bignum::to_bigint(t)
}

/// A bignum's value as a float, the way the BEAM's `big_to_double` computes it: Horner's
/// rule over the limbs from the top, each step rounded (so not always the nearest float).
/// `None` when it overflows.
pub(crate) fn big_to_f64(negative: bool, limbs: &[u64]) -> Option<f64> {
    const BASE: f64 = 18_446_744_073_709_551_616.0; // 2^64
    let mut d = 0.0f64;
    for &l in limbs.iter().rev() {
        d = d * BASE + l as f64;
        if !d.is_finite() {
            return None;
        }
    }
    Some(if negative { -d } else { d })
}

/// Why a term could not be read as a float.
pub(crate) enum FloatErr {
    /// Not a number.
    NotNumber,
    /// An integer too large for a float.
    Overflow,
}

/// A number as a float (integers converted as the BEAM does).
pub(crate) fn to_f64(t: Term) -> Result<f64, FloatErr> {
    match num(t) {
        Some(Num::Small(i)) => Ok(i as f64),
        Some(Num::Big(neg, limbs)) => big_to_f64(neg, limbs).ok_or(FloatErr::Overflow),
        Some(Num::Float(f)) => Ok(f),
        None => Err(FloatErr::NotNumber),
    }
}

/// A float result: `badarith` unless finite.
pub(crate) fn float_result(p: &mut Process, f: f64) -> Result<Term, Raise> {
    if f.is_finite() {
        Ok(p.heap.float(f))
    } else {
        Err(Raise::badarith())
    }
}

/// An integral float as an integer term, exactly.
pub(crate) fn float_to_int(p: &mut Process, f: f64) -> Term {
    if f.abs() < 9.2e18 {
        return p.heap.int(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7FF) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    // |f| >= 2^63 here, so the exponent is positive.
    let mag = BigInt::from(mant) << exp.max(0) as usize;
    let n = if f < 0.0 { -mag } else { mag };
    p.heap.bigint(&n)
}

/// A non-negative small integer that fits a `usize`.
#[inline]
pub(crate) fn usize_of(t: Term) -> Option<usize> {
    t.as_small().and_then(|i| usize::try_from(i).ok())
}

/// A small integer term from a count or index.
#[inline]
pub(crate) fn small(i: usize) -> Term {
    Term::small(i as i64).unwrap_or(Term::NIL)
}

/// The elements of a proper list; `None` for an improper list or a non-list.
pub(crate) fn list_vec(mut t: Term) -> Option<Vec<Term>> {
    let mut v = Vec::new();
    while let Some((h, tail)) = t.cons() {
        v.push(h);
        t = tail;
    }
    t.is_nil().then_some(v)
}

/// `true` or `false`, or `None` for any other term.
#[inline]
pub(crate) fn boolean(t: Term) -> Option<bool> {
    if t.is(Term::TRUE) {
        Some(true)
    } else if t.is(Term::FALSE) {
        Some(false)
    } else {
        None
    }
}

// ----- the table ---------------------------------------------------------------------------

macro_rules! bifs {
    ($( ($m:literal, $f:literal, $a:literal) => $func:path, )*) => {
        /// Every BIF: module, name, arity, function.
        static BIFS: &[(&str, &str, u8, BifFn)] = &[ $( ($m, $f, $a, $func), )* ];
    };
}

bifs! {
    // Arithmetic.
    ("erlang", "+", 2) => arith::add,
    ("erlang", "-", 2) => arith::sub,
    ("erlang", "*", 2) => arith::mul,
    ("erlang", "/", 2) => arith::fdiv,
    ("erlang", "-", 1) => arith::neg,
    ("erlang", "+", 1) => arith::plus,
    ("erlang", "div", 2) => arith::int_div,
    ("erlang", "rem", 2) => arith::int_rem,
    ("erlang", "abs", 1) => arith::abs,
    ("erlang", "band", 2) => arith::band,
    ("erlang", "bor", 2) => arith::bor,
    ("erlang", "bxor", 2) => arith::bxor,
    ("erlang", "bnot", 1) => arith::bnot,
    ("erlang", "bsl", 2) => arith::bsl,
    ("erlang", "bsr", 2) => arith::bsr,
    ("erlang", "float", 1) => arith::float,
    ("erlang", "round", 1) => arith::round,
    ("erlang", "trunc", 1) => arith::trunc,
    ("erlang", "floor", 1) => arith::floor,
    ("erlang", "ceil", 1) => arith::ceil,
    ("erlang", "max", 2) => arith::max,
    ("erlang", "min", 2) => arith::min,
    // :math.
    ("math", "pow", 2) => math::pow,
    ("math", "sqrt", 1) => math::sqrt,
    ("math", "sin", 1) => math::sin,
    ("math", "cos", 1) => math::cos,
    ("math", "tan", 1) => math::tan,
    ("math", "asin", 1) => math::asin,
    ("math", "acos", 1) => math::acos,
    ("math", "atan", 1) => math::atan,
    ("math", "atan2", 2) => math::atan2,
    ("math", "sinh", 1) => math::sinh,
    ("math", "cosh", 1) => math::cosh,
    ("math", "tanh", 1) => math::tanh,
    ("math", "asinh", 1) => math::asinh,
    ("math", "acosh", 1) => math::acosh,
    ("math", "atanh", 1) => math::atanh,
    ("math", "exp", 1) => math::exp,
    ("math", "log", 1) => math::log,
    ("math", "log2", 1) => math::log2,
    ("math", "log10", 1) => math::log10,
    ("math", "pi", 0) => math::pi,
    ("math", "floor", 1) => math::floor,
    ("math", "ceil", 1) => math::ceil,
    ("math", "fmod", 2) => math::fmod,
    ("math", "erf", 1) => math::erf,
    ("math", "erfc", 1) => math::erfc,
    // Comparison and boolean operators.
    ("erlang", "==", 2) => compare::eq,
    ("erlang", "/=", 2) => compare::ne,
    ("erlang", "=:=", 2) => compare::exact_eq,
    ("erlang", "=/=", 2) => compare::exact_ne,
    ("erlang", "<", 2) => compare::lt,
    ("erlang", ">", 2) => compare::gt,
    ("erlang", "=<", 2) => compare::le,
    ("erlang", ">=", 2) => compare::ge,
    ("erlang", "not", 1) => compare::not,
    ("erlang", "and", 2) => compare::and,
    ("erlang", "or", 2) => compare::or,
    ("erlang", "xor", 2) => compare::xor,
    // Type tests.
    ("erlang", "is_atom", 1) => types::is_atom,
    ("erlang", "is_binary", 1) => types::is_binary,
    ("erlang", "is_bitstring", 1) => types::is_bitstring,
    ("erlang", "is_boolean", 1) => types::is_boolean,
    ("erlang", "is_float", 1) => types::is_float,
    ("erlang", "is_function", 1) => types::is_function,
    ("erlang", "is_function", 2) => types::is_function2,
    ("erlang", "is_integer", 1) => types::is_integer,
    ("erlang", "is_list", 1) => types::is_list,
    ("erlang", "is_map", 1) => types::is_map,
    ("erlang", "is_number", 1) => types::is_number,
    ("erlang", "is_pid", 1) => types::is_pid,
    ("erlang", "is_port", 1) => types::is_port,
    ("erlang", "is_reference", 1) => types::is_reference,
    ("erlang", "is_tuple", 1) => types::is_tuple,
    // Lists.
    ("erlang", "length", 1) => lists::length,
    ("erlang", "hd", 1) => lists::hd,
    ("erlang", "tl", 1) => lists::tl,
    ("erlang", "++", 2) => lists::append,
    ("erlang", "--", 2) => lists::subtract,
    ("lists", "append", 2) => lists::append,
    ("lists", "subtract", 2) => lists::subtract,
    ("lists", "reverse", 1) => lists::reverse,
    ("lists", "reverse", 2) => lists::reverse2,
    ("lists", "member", 2) => lists::member,
    ("lists", "keyfind", 3) => lists::keyfind,
    ("lists", "keymember", 3) => lists::keymember,
    ("lists", "keysearch", 3) => lists::keysearch3,
    ("lists", "sort", 1) => sort::sort,
    ("lists", "seq", 2) => lists::seq,
    ("lists", "seq", 3) => lists::seq3,
    ("lists", "nth", 2) => lists::nth,
    ("lists", "last", 1) => lists::last,
    ("lists", "flatten", 1) => lists::flatten,
    ("lists", "flatten", 2) => lists::flatten2,
    ("lists", "duplicate", 2) => lists::duplicate,
    ("lists", "sum", 1) => lists::sum,
    ("lists", "max", 1) => lists::max,
    ("lists", "min", 1) => lists::min,
    // Tuples.
    ("erlang", "element", 2) => tuples::element,
    ("erlang", "setelement", 3) => tuples::setelement,
    ("erlang", "tuple_size", 1) => tuples::tuple_size,
    ("erlang", "size", 1) => tuples::size,
    ("erlang", "make_tuple", 2) => tuples::make_tuple,
    ("erlang", "make_tuple", 3) => tuples::make_tuple3,
    ("erlang", "tuple_to_list", 1) => tuples::tuple_to_list,
    ("erlang", "list_to_tuple", 1) => tuples::list_to_tuple,
    ("erlang", "append_element", 2) => tuples::append_element,
    ("erlang", "delete_element", 2) => tuples::delete_element,
    ("erlang", "insert_element", 3) => tuples::insert_element,
    // Maps.
    ("erlang", "map_size", 1) => maps::map_size,
    ("erlang", "is_map_key", 2) => maps::is_key,
    ("erlang", "map_get", 2) => maps::get,
    ("maps", "get", 2) => maps::get,
    ("maps", "get", 3) => maps::get3,
    ("maps", "find", 2) => maps::find,
    ("maps", "put", 3) => maps::put,
    ("maps", "remove", 2) => maps::remove,
    ("maps", "keys", 1) => maps::keys,
    ("maps", "values", 1) => maps::values,
    ("maps", "to_list", 1) => maps::to_list,
    ("maps", "from_list", 1) => maps::from_list,
    ("maps", "merge", 2) => maps::merge,
    ("maps", "is_key", 2) => maps::is_key,
    ("maps", "take", 2) => maps::take,
    ("maps", "update", 3) => maps::update,
    ("maps", "new", 0) => maps::new,
    ("maps", "size", 1) => maps::map_size,
    ("maps", "from_keys", 2) => maps::from_keys,
    // Binaries.
    ("erlang", "byte_size", 1) => binaries::byte_size,
    ("erlang", "bit_size", 1) => binaries::bit_size,
    ("erlang", "binary_part", 2) => binaries::binary_part2,
    ("erlang", "binary_part", 3) => binaries::binary_part3,
    ("erlang", "split_binary", 2) => binaries::split_binary,
    ("erlang", "binary_to_list", 1) => binaries::binary_to_list,
    ("erlang", "binary_to_list", 3) => binaries::binary_to_list3,
    ("erlang", "bitstring_to_list", 1) => binaries::bitstring_to_list,
    ("erlang", "list_to_binary", 1) => binaries::list_to_binary,
    ("erlang", "list_to_bitstring", 1) => binaries::list_to_bitstring,
    ("erlang", "iolist_to_binary", 1) => binaries::iolist_to_binary,
    ("erlang", "iolist_size", 1) => binaries::iolist_size,
    ("binary", "part", 2) => binaries::part2,
    ("binary", "part", 3) => binaries::part3,
    ("binary", "list_to_bin", 1) => binaries::list_to_binary,
    ("binary", "compile_pattern", 1) => binaries::compile_pattern,
    ("binary", "copy", 1) => binaries::copy1,
    ("binary", "copy", 2) => binaries::copy2,
    ("binary", "first", 1) => binaries::first,
    ("binary", "last", 1) => binaries::last,
    ("binary", "at", 2) => binaries::at,
    ("binary", "split", 2) => binaries::split2,
    ("binary", "split", 3) => binaries::split3,
    ("erlang", "term_to_binary", 1) => etf::term_to_binary,
    ("erlang", "binary_to_term", 1) => etf::binary_to_term,
    ("binary", "replace", 3) => binaries::replace3,
    ("binary", "replace", 4) => binaries::replace4,
    ("binary", "decode_unsigned", 1) => binaries::decode_unsigned1,
    ("binary", "decode_unsigned", 2) => binaries::decode_unsigned2,
    ("binary", "encode_unsigned", 1) => binaries::encode_unsigned1,
    ("binary", "encode_unsigned", 2) => binaries::encode_unsigned2,
    ("binary", "match", 2) => binaries::match2,
    ("binary", "match", 3) => binaries::match3,
    ("binary", "matches", 2) => binaries::matches2,
    ("binary", "matches", 3) => binaries::matches3,
    // Atoms.
    ("erlang", "atom_to_binary", 1) => atoms::atom_to_binary,
    ("erlang", "atom_to_binary", 2) => atoms::atom_to_binary2,
    ("erlang", "binary_to_atom", 1) => atoms::binary_to_atom,
    ("erlang", "binary_to_atom", 2) => atoms::binary_to_atom2,
    ("erlang", "binary_to_existing_atom", 1) => atoms::binary_to_existing_atom,
    ("erlang", "binary_to_existing_atom", 2) => atoms::binary_to_existing_atom2,
    ("erlang", "atom_to_list", 1) => atoms::atom_to_list,
    ("erlang", "list_to_atom", 1) => atoms::list_to_atom,
    ("erlang", "list_to_existing_atom", 1) => atoms::list_to_existing_atom,
    // Numbers to and from text.
    ("erlang", "integer_to_binary", 1) => convert::integer_to_binary,
    ("erlang", "integer_to_binary", 2) => convert::integer_to_binary2,
    ("erlang", "integer_to_list", 1) => convert::integer_to_list,
    ("erlang", "integer_to_list", 2) => convert::integer_to_list2,
    ("erlang", "binary_to_integer", 1) => convert::binary_to_integer,
    ("erlang", "binary_to_integer", 2) => convert::binary_to_integer2,
    ("erlang", "list_to_integer", 1) => convert::list_to_integer,
    ("erlang", "list_to_integer", 2) => convert::list_to_integer2,
    ("erlang", "float_to_binary", 1) => convert::float_to_binary,
    ("erlang", "float_to_binary", 2) => convert::float_to_binary2,
    ("erlang", "float_to_list", 1) => convert::float_to_list,
    ("erlang", "float_to_list", 2) => convert::float_to_list2,
    ("erlang", "binary_to_float", 1) => convert::binary_to_float,
    ("erlang", "list_to_float", 1) => convert::list_to_float,
    // Hashing and exceptions.
    ("erlang", "phash2", 1) => misc::phash2,
    ("erlang", "phash2", 2) => misc::phash2_range,
    ("erlang", "error", 1) => misc::error,
    ("erlang", "error", 2) => misc::error2,
    ("erlang", "error", 3) => misc::error3,
    ("erlang", "exit", 1) => misc::exit,
    ("erlang", "throw", 1) => misc::throw,
}
