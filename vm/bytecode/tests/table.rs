//! The instruction table's generated pieces agree with each other.
use beamlet_bytecode::*;

#[test]
fn instruction_size_is_pinned() {
    // The interpreter's dispatch reads these from a Vec; growing them costs cache.
    assert_eq!(std::mem::size_of::<Instr>(), 20);
}

#[test]
fn every_opcode_has_a_name_and_doc() {
    let mut names = std::collections::HashSet::new();
    for op in Opcode::ALL {
        assert!(!op.doc().is_empty(), "{op:?} has no doc");
        assert!(names.insert(op.name()), "{} named twice", op.name());
        assert_eq!(Opcode::from_u8(*op as u8), Some(*op));
    }
    assert_eq!(Opcode::from_u8(Opcode::ALL.len() as u8), None);
}
