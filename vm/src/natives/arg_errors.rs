//! More of OTP 25's per-argument explanations of a BIF's `badarg` (`erl_erts_errors` and
//! `erl_stdlib_errors`), for `:beamlet.bif_arg_errors/3` (natives.rs), which asks here for
//! the BIFs it does not explain itself: numbers, tuple indexes, binary parts and copies,
//! and the conversions that take a base or options.

use crate::term::Term;

const NOT_INTEGER: &str = "not an integer";
const RANGE: &str = "out of range";

/// OTP's `must_be_int(N, Min, Max)`: an integer in `min..=max` (no upper bound for `None`).
fn int_in(t: Term, min: i64, max: Option<i64>) -> Option<&'static str> {
    if !t.is_integer() {
        return Some(NOT_INTEGER);
    }
    // A bignum is out of any small range: below the minimum if negative.
    let ok = match t.as_small() {
        Some(n) => n >= min && max.is_none_or(|m| n <= m),
        None => {
            max.is_none()
                && crate::bif::bigint_of(t).is_some_and(|b| b.sign() != num_bigint::Sign::Minus)
        }
    };
    (!ok).then_some(RANGE)
}

fn binary(t: Term) -> Option<&'static str> {
    let is_bin = crate::binary::bits(t).is_some_and(|b| b.is_binary());
    (!is_bin).then_some("not a binary")
}

/// erl_stdlib_errors' `must_be_binary/1`, which tells a bitstring apart.
fn stdlib_binary(t: Term) -> Option<&'static str> {
    match crate::binary::bits(t) {
        Some(b) if b.is_binary() => None,
        Some(_) => Some("is a bitstring (expected a binary)"),
        None => Some("not a binary"),
    }
}

fn byte_size(t: Term) -> usize {
    crate::binary::bits(t).map_or(0, |b| b.bit_size / 8)
}

/// OTP's `must_be_list(List, Error)`: `error` for a proper list.
fn list_or(t: Term, error: Option<&'static str>) -> Option<&'static str> {
    if !t.is_list() {
        return Some("not a list");
    }
    let mut l = t;
    while let Some((_, tl)) = l.cons() {
        l = tl;
    }
    if l.is_nil() {
        error
    } else {
        Some("not a proper list")
    }
}

/// The index of `element/2` and the functions that reuse its explanation: an integer in
/// `1..=tuple_size` (when the second argument is a tuple).
fn index(i: Term, tuple: Term) -> Option<&'static str> {
    if !i.is_integer() {
        return Some(NOT_INTEGER);
    }
    let n = i.as_small().unwrap_or(i64::MAX);
    let beyond = tuple.tuple().is_some_and(|t| n > t.len() as i64);
    (n <= 0 || beyond).then_some(RANGE)
}

/// `binary_part(bin, pos, len)`: which argument is wrong.
fn binary_part(bin: Term, pos: Term, len: Term) -> Vec<Option<&'static str>> {
    let errors = vec![
        binary(bin),
        int_in(pos, 0, None),
        (!len.is_integer()).then_some(NOT_INTEGER),
    ];
    if errors.iter().any(Option::is_some) {
        return errors;
    }
    let past_end = pos.as_small().is_none_or(|p| p > byte_size(bin) as i64);
    if past_end {
        vec![None, Some(RANGE)]
    } else {
        vec![None, None, Some(RANGE)]
    }
}

/// The explanations of `m:f(args)`'s bad arguments, as `(position, text)`.
pub(super) fn more(m: &str, f: &str, args: &[Term]) -> Vec<(i64, &'static str)> {
    let arg = |i: usize| args.get(i).copied().unwrap_or(Term::NIL);
    let errors: Vec<Option<&'static str>> = match (m, f, args.len()) {
        ("erlang", "abs" | "round" | "trunc" | "float" | "floor" | "ceil", 1) => {
            vec![Some("not a number")]
        }
        ("erlang", "binary_part", 3) => binary_part(arg(0), arg(1), arg(2)),
        ("erlang", "binary_part", 2) => match arg(1).tuple() {
            Some(&[pos, len]) if pos.is_integer() && len.is_integer() => {
                match binary_part(arg(0), pos, len).as_slice() {
                    [first, None, None] => vec![*first],
                    [first, ..] => vec![*first, Some(RANGE)],
                    [] => vec![],
                }
            }
            _ => vec![binary(arg(0)), Some("not a valid {Pos,Length} tuple")],
        },
        ("erlang", "list_to_atom", 1) => vec![list_or(arg(0), Some("not a list of characters"))],
        ("erlang", "insert_element", 3) | ("erlang", "delete_element", 2) => {
            let tuple = arg(1);
            vec![
                index(arg(0), tuple),
                tuple.tuple().is_none().then_some("not a tuple"),
            ]
        }
        ("erlang", "make_tuple", 2) => vec![Some(RANGE)],
        ("erlang", "integer_to_binary" | "integer_to_list", 2) => {
            let base = arg(1).as_small().is_some_and(|b| (2..=36).contains(&b));
            vec![
                (!arg(0).is_integer()).then_some(NOT_INTEGER),
                (!base).then_some("not an integer in the range 2 through 36"),
            ]
        }
        ("erlang", "binary_to_list", 1) => vec![binary(arg(0))],
        ("erlang", "binary_to_list", 3) => {
            let (start, stop) = (arg(1), arg(2));
            let errors = vec![
                binary(arg(0)),
                int_in(start, 1, None),
                int_in(stop, 1, None),
            ];
            if errors.iter().any(Option::is_some) {
                errors
            } else {
                let (start, stop) = (
                    start.as_small().unwrap_or(i64::MAX),
                    stop.as_small().unwrap_or(i64::MAX),
                );
                let size = byte_size(arg(0)) as i64;
                if start > stop {
                    vec![None, Some("start position greater than stop position")]
                } else {
                    vec![
                        None,
                        (start > size).then_some(RANGE),
                        (stop > size).then_some(RANGE),
                    ]
                }
            }
        }
        ("erlang", "float_to_binary" | "float_to_list", 1) => {
            vec![Some("not a float")]
        }
        ("erlang", "float_to_binary" | "float_to_list", 2) => {
            let first = arg(0).as_float().is_none().then_some("not a float");
            // An option list is only blamed when the float is fine.
            let options = match (first, list_or(arg(1), None)) {
                (None, None) => Some("invalid option in list"),
                (_, e) => e,
            };
            vec![first, options]
        }
        ("binary", "copy", 1) => vec![stdlib_binary(arg(0))],
        ("binary", "compile_pattern", 1) => vec![Some("not a valid pattern")],
        ("binary", "copy", 2) => vec![stdlib_binary(arg(0)), int_in(arg(1), 0, None)],
        _ => vec![],
    };
    errors
        .into_iter()
        .enumerate()
        .filter_map(|(i, e)| e.map(|text| (i as i64 + 1, text)))
        .collect()
}
