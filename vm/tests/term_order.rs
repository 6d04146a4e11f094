//! Term order, `==` and `===` over every pair of term kinds, checked against the matrix
//! real Elixir printed (tests/oracle/terms.exs and .out).

mod common;

use std::cmp::Ordering;

use beamlet_vm::term::order::{compare, eq, exact_eq};
use beamlet_vm::Heap;

fn relation(a: beamlet_vm::Term, b: beamlet_vm::Term) -> char {
    if exact_eq(a, b) {
        'e'
    } else if eq(a, b) {
        '='
    } else if compare(a, b) == Ordering::Less {
        '<'
    } else {
        '>'
    }
}

#[test]
fn every_pair_compares_as_on_the_beam() {
    let mut heap = Heap::default();
    let terms = common::oracle_terms(&mut heap);
    let (rows, _) = common::terms_out();
    let n = rows.len();
    assert_eq!(
        terms.len(),
        n,
        "the Rust list and terms.exs must have the same terms"
    );
    let mut wrong = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        for (j, expected) in row.chars().enumerate() {
            let got = relation(terms[i], terms[j]);
            if got != expected {
                wrong.push(format!(
                    "{i} vs {j}: {:?} vs {:?}: elixir {expected}, ours {got}",
                    terms[i], terms[j]
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong pairs:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn comparison_is_consistent_with_itself() {
    let mut heap = Heap::default();
    let terms = common::oracle_terms(&mut heap);
    for &a in &terms {
        for &b in &terms {
            assert_eq!(compare(a, b), compare(b, a).reverse());
            assert_eq!(exact_eq(a, b), exact_eq(b, a));
            if exact_eq(a, b) {
                assert!(eq(a, b));
            }
        }
    }
}
