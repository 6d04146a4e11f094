//! The atom table's limit: interning past 1,048,576 atoms is a `system_limit` error, not a
//! crash, and the table keeps working. In its own binary: it fills the global table.

use beamlet_vm::atom::{self, AtomError, ATOM_LIMIT};
use beamlet_vm::Atom;

#[test]
fn the_table_stops_at_its_limit_and_keeps_working() {
    let first = Atom::intern("limit_test_0").unwrap();
    let mut i = 1usize;
    let err = loop {
        match Atom::intern(&format!("limit_test_{i}")) {
            Ok(_) => i += 1,
            Err(e) => break e,
        }
        assert!(i <= ATOM_LIMIT, "the limit was not enforced");
    };
    assert_eq!(err, AtomError::SystemLimit);
    assert_eq!(atom::count(), ATOM_LIMIT);
    // Existing atoms are still found and named; new ones are still refused.
    assert_eq!(Atom::intern("limit_test_0"), Ok(first));
    assert_eq!(first.name(), "limit_test_0");
    assert_eq!(Atom::intern("ok"), Ok(atom::OK));
    let last = Atom::existing(&format!("limit_test_{}", i - 1)).unwrap();
    assert_eq!(last.index() as usize, ATOM_LIMIT - 1);
    assert_eq!(Atom::intern("one_more"), Err(AtomError::SystemLimit));
}
