//! `lists:sort/1`, step for step as `lists.erl` (OTP 25) does it.
//!
//! The Erlang sort is a natural merge sort that is *not* stable for elements that compare
//! equal (`1` and `1.0`): which of them comes first depends on how the runs were split and
//! merged. Programs can see that order, so this is a transcription of the Erlang functions
//! (`split_1`, `mergel`, `merge3_12_3`, ...) into loops over a state enum, building the
//! same intermediate lists on the heap. The Erlang lists of runs (`Rs`, `Acc`) are Rust
//! vectors with the head of the list at the end of the vector.

use std::cmp::Ordering;

use super::{args, function_clause};
use crate::exception::Raise;
use crate::heap::{Heap, TermAlloc};
use crate::process::Process;
use crate::term::order::compare;
use crate::term::Term;

/// `lists:sort/1`: `function_clause` for anything but a proper list.
pub fn sort(p: &mut Process, a: &[Term]) -> Result<Term, Raise> {
    let [l] = args(a)?;
    let mut t = l;
    while let Some((_, tail)) = t.cons() {
        t = tail;
    }
    if !t.is_nil() {
        return Err(function_clause());
    }
    sort_list(&mut p.heap, l).ok_or_else(function_clause)
}

/// `a =< b`.
#[inline]
fn le(a: Term, b: Term) -> bool {
    compare(a, b) != Ordering::Greater
}

fn head(t: Term) -> Option<(Term, Term)> {
    t.cons()
}

fn cons(h: &mut Heap, x: Term, t: Term) -> Term {
    h.cons(x, t)
}

/// `[y, x | r]`.
fn run(h: &mut Heap, y: Term, x: Term, r: Term) -> Term {
    let t = h.cons(x, r);
    h.cons(y, t)
}

/// `lists:reverse(l, tail)` on a proper list.
fn reverse(h: &mut Heap, mut l: Term, mut tail: Term) -> Term {
    while let Some((x, t)) = l.cons() {
        tail = h.cons(x, tail);
        l = t;
    }
    tail
}

fn sort_list(h: &mut Heap, l0: Term) -> Option<Term> {
    let Some((x, rest)) = head(l0) else {
        return Some(l0); // []
    };
    let Some((y, l)) = head(rest) else {
        return Some(l0); // [_]
    };
    let single = head(l).filter(|(_, t)| t.is_nil()).map(|(z, _)| z);
    if le(x, y) {
        if l.is_nil() {
            return Some(l0);
        }
        if let Some(z) = single {
            return Some(if le(y, z) {
                l0
            } else if le(x, z) {
                h.list(&[x, z, y])
            } else {
                h.list(&[z, x, y])
            });
        }
        if compare(x, y) == Ordering::Equal {
            let r = h.list(&[x]);
            return sort_1(h, y, l, r);
        }
        split_1(h, x, y, l, Term::NIL, Vec::new())
    } else {
        if l.is_nil() {
            return Some(h.list(&[y, x]));
        }
        if let Some(z) = single {
            return Some(if le(x, z) {
                h.improper_list(&[y, x], l)
            } else if le(y, z) {
                h.list(&[y, z, x])
            } else {
                h.list(&[z, y, x])
            });
        }
        split_2(h, x, y, l, Term::NIL, Vec::new())
    }
}

fn sort_1(h: &mut Heap, mut x: Term, mut l: Term, mut r: Term) -> Option<Term> {
    loop {
        let Some((y, rest)) = head(l) else {
            let tail = h.list(&[x]);
            return Some(reverse(h, r, tail));
        };
        match compare(x, y) {
            Ordering::Equal => {
                r = cons(h, x, r);
                x = y;
                l = rest;
            }
            Ordering::Less => return split_1(h, x, y, rest, r, Vec::new()),
            Ordering::Greater => return split_2(h, x, y, rest, r, Vec::new()),
        }
    }
}

/// `split_1` and `split_1_1`: ascending runs.
fn split_1(
    h: &mut Heap,
    mut x: Term,
    mut y: Term,
    mut l: Term,
    mut r: Term,
    mut rs: Vec<Term>,
) -> Option<Term> {
    // `s` is the extra argument of split_1_1; None while in split_1.
    let mut s: Option<Term> = None;
    loop {
        let Some((z, rest)) = head(l) else {
            let top = run(h, y, x, r);
            rs.push(top);
            if let Some(s) = s {
                let single = h.list(&[s]);
                rs.push(single);
            }
            return rmergel(h, rs, Vec::new());
        };
        l = rest;
        if compare(z, y) != Ordering::Less {
            // Z >= Y
            r = cons(h, x, r);
            x = y;
            y = z;
        } else if compare(z, x) != Ordering::Less {
            // Z >= X
            r = cons(h, x, r);
            x = z;
        } else {
            match s {
                None if r.is_nil() => r = h.list(&[z]),
                None => s = Some(z),
                Some(sv) => {
                    let top = run(h, y, x, r);
                    rs.push(top);
                    r = Term::NIL;
                    s = None;
                    if le(sv, z) {
                        x = sv;
                        y = z;
                    } else {
                        x = z;
                        y = sv;
                    }
                }
            }
        }
    }
}

/// `split_2` and `split_2_1`: descending runs.
fn split_2(
    h: &mut Heap,
    mut x: Term,
    mut y: Term,
    mut l: Term,
    mut r: Term,
    mut rs: Vec<Term>,
) -> Option<Term> {
    let mut s: Option<Term> = None;
    loop {
        let Some((z, rest)) = head(l) else {
            let top = run(h, y, x, r);
            rs.push(top);
            if let Some(s) = s {
                let single = h.list(&[s]);
                rs.push(single);
            }
            return mergel(h, rs, Vec::new());
        };
        l = rest;
        if le(z, y) {
            r = cons(h, x, r);
            x = y;
            y = z;
        } else if le(z, x) {
            r = cons(h, x, r);
            x = z;
        } else {
            match s {
                None if r.is_nil() => r = h.list(&[z]),
                None => s = Some(z),
                Some(sv) => {
                    let top = run(h, y, x, r);
                    rs.push(top);
                    r = Term::NIL;
                    s = None;
                    // S > Z
                    if compare(sv, z) == Ordering::Greater {
                        x = sv;
                        y = z;
                    } else {
                        x = z;
                        y = sv;
                    }
                }
            }
        }
    }
}

/// The element `i` places from the head of an Erlang list kept as a vector.
fn nth_from_head(v: &[Term], i: usize) -> Option<Term> {
    v.len().checked_sub(i + 1).and_then(|j| v.get(j)).copied()
}

fn mergel(h: &mut Heap, mut l: Vec<Term>, mut acc: Vec<Term>) -> Option<Term> {
    loop {
        let first = nth_from_head(&l, 0);
        let second = nth_from_head(&l, 1);
        let third = nth_from_head(&l, 2);
        match (first, second, third) {
            (Some(f), _, _) if f.is_nil() => {
                l.pop();
            }
            (Some(t1), Some(s2), Some(s3)) if s2.is_cons() && s3.is_cons() => {
                let (h2, t2) = s2.cons()?;
                let (h3, t3) = s3.cons()?;
                l.truncate(l.len() - 3);
                let m = merge(
                    h,
                    Merge::M3_1 {
                        t1,
                        m: Term::NIL,
                        h2,
                        t2,
                        h3,
                        t3,
                    },
                );
                acc.push(m);
            }
            (Some(t1), Some(s2), None) if s2.is_cons() => {
                let (h2, t2) = s2.cons()?;
                let m = merge(
                    h,
                    Merge::M2_1 {
                        t1,
                        h2,
                        t2,
                        m: Term::NIL,
                    },
                );
                acc.push(m);
                return rmergel(h, acc, Vec::new());
            }
            (Some(only), None, _) => {
                if acc.is_empty() {
                    return Some(only);
                }
                let r = reverse(h, only, Term::NIL);
                acc.push(r);
                return rmergel(h, acc, Vec::new());
            }
            (None, _, _) => {
                if acc.is_empty() {
                    return Some(Term::NIL);
                }
                return rmergel(h, acc, Vec::new());
            }
            (Some(a), Some(b), _) if b.is_nil() => {
                // [A, [] | L] -> [A | L]
                l.truncate(l.len() - 2);
                l.push(a);
            }
            (Some(a), Some(b), Some(c)) if c.is_nil() => {
                // [A, B, [] | L] -> [A, B | L]
                l.truncate(l.len() - 3);
                l.push(b);
                l.push(a);
            }
            _ => return None,
        }
    }
}

fn rmergel(h: &mut Heap, mut l: Vec<Term>, mut acc: Vec<Term>) -> Option<Term> {
    loop {
        let first = nth_from_head(&l, 0);
        let second = nth_from_head(&l, 1);
        let third = nth_from_head(&l, 2);
        match (first, second, third) {
            (Some(s3), Some(s2), Some(t1)) if s3.is_cons() && s2.is_cons() => {
                let (h3, t3) = s3.cons()?;
                let (h2, t2) = s2.cons()?;
                l.truncate(l.len() - 3);
                let m = merge(
                    h,
                    Merge::R3_1 {
                        t1,
                        m: Term::NIL,
                        h2,
                        t2,
                        h3,
                        t3,
                    },
                );
                acc.push(m);
            }
            (Some(s2), Some(t1), None) if s2.is_cons() => {
                let (h2, t2) = s2.cons()?;
                let m = merge(
                    h,
                    Merge::R2_1 {
                        t1,
                        h2,
                        t2,
                        m: Term::NIL,
                    },
                );
                acc.push(m);
                return mergel(h, acc, Vec::new());
            }
            (Some(only), None, _) => {
                let r = reverse(h, only, Term::NIL);
                acc.push(r);
                return mergel(h, acc, Vec::new());
            }
            (None, _, _) => return mergel(h, acc, Vec::new()),
            _ => return None,
        }
    }
}

/// The states of the merge functions: one variant per Erlang function, with its arguments.
enum Merge {
    M3_1 {
        t1: Term,
        m: Term,
        h2: Term,
        t2: Term,
        h3: Term,
        t3: Term,
    },
    M3_2 {
        t1: Term,
        h1: Term,
        m: Term,
        t2: Term,
        h3: Term,
        t3: Term,
    },
    M3_12 {
        t1: Term,
        h1: Term,
        h2: Term,
        t2: Term,
        h3: Term,
        t3: Term,
        m: Term,
    },
    M3_12_3 {
        t1: Term,
        h1: Term,
        h2: Term,
        t2: Term,
        m: Term,
        t3: Term,
    },
    M3_21 {
        t1: Term,
        h1: Term,
        h2: Term,
        t2: Term,
        h3: Term,
        t3: Term,
        m: Term,
    },
    M3_21_3 {
        t1: Term,
        h1: Term,
        h2: Term,
        t2: Term,
        m: Term,
        t3: Term,
    },
    R3_1 {
        t1: Term,
        m: Term,
        h2: Term,
        t2: Term,
        h3: Term,
        t3: Term,
    },
    R3_2 {
        t1: Term,
        h1: Term,
        m: Term,
        t2: Term,
        h3: Term,
        t3: Term,
    },
    R3_12 {
        t1: Term,
        h1: Term,
        h2: Term,
        t2: Term,
        h3: Term,
        t3: Term,
        m: Term,
    },
    R3_12_3 {
        t1: Term,
        h1: Term,
        h2: Term,
        t2: Term,
        m: Term,
        t3: Term,
    },
    R3_21 {
        t1: Term,
        h1: Term,
        h2: Term,
        t2: Term,
        h3: Term,
        t3: Term,
        m: Term,
    },
    R3_21_3 {
        t1: Term,
        h1: Term,
        h2: Term,
        t2: Term,
        m: Term,
        t3: Term,
    },
    M2_1 {
        t1: Term,
        h2: Term,
        t2: Term,
        m: Term,
    },
    M2_2 {
        t1: Term,
        hdm: Term,
        t2: Term,
        m: Term,
        h1: Term,
    },
    R2_1 {
        t1: Term,
        h2: Term,
        t2: Term,
        m: Term,
    },
    R2_2 {
        t1: Term,
        hdm: Term,
        t2: Term,
        m: Term,
        h1: Term,
    },
}

/// Runs the merge functions from `state` to the list they return.
fn merge(h: &mut Heap, mut state: Merge) -> Term {
    use Merge::*;
    loop {
        state = match state {
            M3_1 {
                t1,
                m,
                h2,
                t2,
                h3,
                t3,
            } => match t1.cons() {
                Some((h1, t1)) if le(h1, h2) => M3_12 {
                    t1,
                    h1,
                    h2,
                    t2,
                    h3,
                    t3,
                    m,
                },
                Some((h1, t1)) => M3_21 {
                    t1,
                    h1,
                    h2,
                    t2,
                    h3,
                    t3,
                    m,
                },
                None if le(h2, h3) => M2_1 {
                    t1: t2,
                    h2: h3,
                    t2: t3,
                    m: cons(h, h2, m),
                },
                None => M2_2 {
                    t1: t2,
                    hdm: h3,
                    t2: t3,
                    m,
                    h1: h2,
                },
            },
            M3_2 {
                t1,
                h1,
                m,
                t2,
                h3,
                t3,
            } => match t2.cons() {
                Some((h2, t2)) if le(h1, h2) => M3_12 {
                    t1,
                    h1,
                    h2,
                    t2,
                    h3,
                    t3,
                    m,
                },
                Some((h2, t2)) => M3_21 {
                    t1,
                    h1,
                    h2,
                    t2,
                    h3,
                    t3,
                    m,
                },
                None if le(h1, h3) => M2_1 {
                    t1,
                    h2: h3,
                    t2: t3,
                    m: cons(h, h1, m),
                },
                None => M2_2 {
                    t1,
                    hdm: h3,
                    t2: t3,
                    m,
                    h1,
                },
            },
            M3_12 {
                t1,
                h1,
                h2,
                t2,
                h3,
                t3,
                m,
            } => {
                if le(h1, h3) {
                    M3_1 {
                        t1,
                        m: cons(h, h1, m),
                        h2,
                        t2,
                        h3,
                        t3,
                    }
                } else {
                    M3_12_3 {
                        t1,
                        h1,
                        h2,
                        t2,
                        m: cons(h, h3, m),
                        t3,
                    }
                }
            }
            M3_12_3 {
                t1,
                h1,
                h2,
                t2,
                m,
                t3,
            } => match t3.cons() {
                Some((h3, t3)) if le(h1, h3) => M3_1 {
                    t1,
                    m: cons(h, h1, m),
                    h2,
                    t2,
                    h3,
                    t3,
                },
                Some((h3, t3)) => M3_12_3 {
                    t1,
                    h1,
                    h2,
                    t2,
                    m: cons(h, h3, m),
                    t3,
                },
                None => M2_1 {
                    t1,
                    h2,
                    t2,
                    m: cons(h, h1, m),
                },
            },
            M3_21 {
                t1,
                h1,
                h2,
                t2,
                h3,
                t3,
                m,
            } => {
                if le(h2, h3) {
                    M3_2 {
                        t1,
                        h1,
                        m: cons(h, h2, m),
                        t2,
                        h3,
                        t3,
                    }
                } else {
                    M3_21_3 {
                        t1,
                        h1,
                        h2,
                        t2,
                        m: cons(h, h3, m),
                        t3,
                    }
                }
            }
            M3_21_3 {
                t1,
                h1,
                h2,
                t2,
                m,
                t3,
            } => match t3.cons() {
                Some((h3, t3)) if le(h2, h3) => M3_2 {
                    t1,
                    h1,
                    m: cons(h, h2, m),
                    t2,
                    h3,
                    t3,
                },
                Some((h3, t3)) => M3_21_3 {
                    t1,
                    h1,
                    h2,
                    t2,
                    m: cons(h, h3, m),
                    t3,
                },
                None => M2_2 {
                    t1,
                    hdm: h2,
                    t2,
                    m,
                    h1,
                },
            },
            R3_1 {
                t1,
                m,
                h2,
                t2,
                h3,
                t3,
            } => match t1.cons() {
                Some((h1, t1)) if le(h1, h2) => R3_12 {
                    t1,
                    h1,
                    h2,
                    t2,
                    h3,
                    t3,
                    m,
                },
                Some((h1, t1)) => R3_21 {
                    t1,
                    h1,
                    h2,
                    t2,
                    h3,
                    t3,
                    m,
                },
                None if le(h2, h3) => R2_2 {
                    t1: t2,
                    hdm: h3,
                    t2: t3,
                    m,
                    h1: h2,
                },
                None => R2_1 {
                    t1: t2,
                    h2: h3,
                    t2: t3,
                    m: cons(h, h2, m),
                },
            },
            R3_2 {
                t1,
                h1,
                m,
                t2,
                h3,
                t3,
            } => match t2.cons() {
                Some((h2, t2)) if le(h1, h2) => R3_12 {
                    t1,
                    h1,
                    h2,
                    t2,
                    h3,
                    t3,
                    m,
                },
                Some((h2, t2)) => R3_21 {
                    t1,
                    h1,
                    h2,
                    t2,
                    h3,
                    t3,
                    m,
                },
                None if le(h1, h3) => R2_2 {
                    t1,
                    hdm: h3,
                    t2: t3,
                    m,
                    h1,
                },
                None => R2_1 {
                    t1,
                    h2: h3,
                    t2: t3,
                    m: cons(h, h1, m),
                },
            },
            R3_12 {
                t1,
                h1,
                h2,
                t2,
                h3,
                t3,
                m,
            } => {
                if le(h2, h3) {
                    R3_12_3 {
                        t1,
                        h1,
                        h2,
                        t2,
                        m: cons(h, h3, m),
                        t3,
                    }
                } else {
                    R3_2 {
                        t1,
                        h1,
                        m: cons(h, h2, m),
                        t2,
                        h3,
                        t3,
                    }
                }
            }
            R3_12_3 {
                t1,
                h1,
                h2,
                t2,
                m,
                t3,
            } => match t3.cons() {
                Some((h3, t3)) if le(h2, h3) => R3_12_3 {
                    t1,
                    h1,
                    h2,
                    t2,
                    m: cons(h, h3, m),
                    t3,
                },
                Some((h3, t3)) => R3_2 {
                    t1,
                    h1,
                    m: cons(h, h2, m),
                    t2,
                    h3,
                    t3,
                },
                None => R2_2 {
                    t1,
                    hdm: h2,
                    t2,
                    m,
                    h1,
                },
            },
            R3_21 {
                t1,
                h1,
                h2,
                t2,
                h3,
                t3,
                m,
            } => {
                if le(h1, h3) {
                    R3_21_3 {
                        t1,
                        h1,
                        h2,
                        t2,
                        m: cons(h, h3, m),
                        t3,
                    }
                } else {
                    R3_1 {
                        t1,
                        m: cons(h, h1, m),
                        h2,
                        t2,
                        h3,
                        t3,
                    }
                }
            }
            R3_21_3 {
                t1,
                h1,
                h2,
                t2,
                m,
                t3,
            } => match t3.cons() {
                Some((h3, t3)) if le(h1, h3) => R3_21_3 {
                    t1,
                    h1,
                    h2,
                    t2,
                    m: cons(h, h3, m),
                    t3,
                },
                Some((h3, t3)) => R3_1 {
                    t1,
                    m: cons(h, h1, m),
                    h2,
                    t2,
                    h3,
                    t3,
                },
                None => R2_1 {
                    t1,
                    h2,
                    t2,
                    m: cons(h, h1, m),
                },
            },
            M2_1 { t1, h2, t2, m } => match t1.cons() {
                Some((h1, t1)) if le(h1, h2) => M2_1 {
                    t1,
                    h2,
                    t2,
                    m: cons(h, h1, m),
                },
                Some((h1, t1)) => M2_2 {
                    t1,
                    hdm: h2,
                    t2,
                    m,
                    h1,
                },
                None => {
                    let tail = cons(h, h2, m);
                    return reverse(h, t2, tail);
                }
            },
            M2_2 { t1, hdm, t2, m, h1 } => match t2.cons() {
                Some((h2, t2)) if le(h1, h2) => {
                    let m = run(h, h1, hdm, m);
                    M2_1 { t1, h2, t2, m }
                }
                Some((h2, t2)) => M2_2 {
                    t1,
                    hdm: h2,
                    t2,
                    m: cons(h, hdm, m),
                    h1,
                },
                None => {
                    let tail = run(h, h1, hdm, m);
                    return reverse(h, t1, tail);
                }
            },
            R2_1 { t1, h2, t2, m } => match t1.cons() {
                Some((h1, t1)) if le(h1, h2) => R2_2 {
                    t1,
                    hdm: h2,
                    t2,
                    m,
                    h1,
                },
                Some((h1, t1)) => R2_1 {
                    t1,
                    h2,
                    t2,
                    m: cons(h, h1, m),
                },
                None => {
                    let tail = cons(h, h2, m);
                    return reverse(h, t2, tail);
                }
            },
            R2_2 { t1, hdm, t2, m, h1 } => match t2.cons() {
                Some((h2, t2)) if le(h1, h2) => R2_2 {
                    t1,
                    hdm: h2,
                    t2,
                    m: cons(h, hdm, m),
                    h1,
                },
                Some((h2, t2)) => {
                    let m = run(h, h1, hdm, m);
                    R2_1 { t1, h2, t2, m }
                }
                None => {
                    let tail = run(h, h1, hdm, m);
                    return reverse(h, t1, tail);
                }
            },
        };
    }
}
