//! The decoder refuses what is not a module file, with an error and never a panic.
//! (Memory bounds on hostile counts: tests/alloc.rs.)
mod common;

use beamlet_bytecode::module::{MAGIC, MAX_LITERAL_DEPTH};
use beamlet_bytecode::*;
use common::gen::{self, Entropy};

/// An encoded module with a bit of everything in it: the first generated one that has
/// several functions, handlers, line tables, imports and constants.
fn sample() -> Vec<u8> {
    let mut m = (0u32..)
        .map(|seed| {
            let bytes: Vec<u8> = (0..2048u32)
                .map(|i| (i.wrapping_mul(2654435761).wrapping_add(seed) >> 13) as u8)
                .collect();
            gen::module(&mut Entropy::new(&bytes))
        })
        .find(|m| {
            m.functions.len() > 1
                && m.functions.iter().any(|f| !f.handlers.is_empty())
                && m.functions.iter().any(|f| !f.lines.is_empty())
                && !m.imports.is_empty()
                && m.literals.len() > 2
        })
        .expect("some seed makes one");
    m.literals.push(Literal::Map(vec![(
        Literal::Tuple(vec![Literal::Binary(b"k".to_vec())]),
        Literal::List(vec![Literal::Int(1)], Box::new(Literal::Float(2.5))),
    )]));
    verify(&m).expect("valid");
    m.encode()
}

/// The bytes of a module header, up to and including the file name.
fn header() -> Vec<u8> {
    let mut b = MAGIC.to_vec();
    b.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    b.extend_from_slice(&[0; 8]); // name 0, file ""
    b
}

/// A module file whose only content is one literal, written as `lit`.
fn with_literal(lit: &[u8]) -> Vec<u8> {
    let mut b = header();
    b.extend_from_slice(&0u32.to_le_bytes()); // atoms
    b.extend_from_slice(&1u32.to_le_bytes()); // literals
    b.extend_from_slice(lit);
    b.extend_from_slice(&[0; 16]); // imports, functions, code, attributes
    b
}

#[test]
fn the_sample_decodes() {
    let b = sample();
    assert_eq!(Module::decode(&b).map(|m| m.encode()), Ok(b));
}

#[test]
fn bad_magic() {
    let mut b = sample();
    b[0] = b'b';
    assert_eq!(Module::decode(&b), Err(DecodeError::BadMagic));
    assert_eq!(Module::decode(b""), Err(DecodeError::BadMagic));
    assert_eq!(Module::decode(b"BEAMLET"), Err(DecodeError::BadMagic));
    assert_eq!(
        DecodeError::BadMagic.to_string(),
        "not a Beamlet module (bad magic)"
    );
}

#[test]
fn another_format_version() {
    let mut b = sample();
    b[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    let e = Module::decode(&b).unwrap_err();
    assert_eq!(e, DecodeError::Version(FORMAT_VERSION + 1));
    assert_eq!(
        e.to_string(),
        format!(
            "module format version {}, this VM reads version {FORMAT_VERSION}",
            FORMAT_VERSION + 1
        )
    );
}

#[test]
fn truncated_at_every_byte() {
    let b = sample();
    for cut in 0..b.len() {
        match Module::decode(&b[..cut]) {
            Err(DecodeError::Truncated) => {}
            Err(DecodeError::BadMagic) if cut < MAGIC.len() => {}
            other => panic!("cut at {cut} of {}: {other:?}", b.len()),
        }
    }
}

#[test]
fn trailing_bytes() {
    let mut b = sample();
    b.push(0);
    assert_eq!(Module::decode(&b), Err(DecodeError::TrailingBytes));
}

#[test]
fn an_unknown_opcode() {
    let mut b = header();
    b.extend_from_slice(&[0; 16]); // atoms, literals, imports, functions
    b.extend_from_slice(&1u32.to_le_bytes());
    let at = b.len();
    let op = Opcode::ALL.len() as u8;
    b.push(op);
    assert_eq!(
        Module::decode(&b),
        Err(DecodeError::BadOpcode { at, opcode: op })
    );
}

#[test]
fn malformed_literals() {
    let bad = |lit: &[u8]| {
        let b = with_literal(lit);
        Module::decode(&b)
    };
    let at = with_literal(&[]).len() - 16;
    assert_eq!(
        bad(&[10]),
        Err(DecodeError::BadLiteral { at }),
        "unknown tag"
    );
    // A sign byte other than 0 or 1 would not encode back to itself.
    assert_eq!(
        bad(&[1, 2, 1, 0, 0, 0, 1]),
        Err(DecodeError::BadLiteral { at })
    );
    // A list without items.
    assert_eq!(
        bad(&[6, 0, 0, 0, 0, 9]),
        Err(DecodeError::BadLiteral { at })
    );
    // 9 bits in one byte.
    let mut bits = vec![8];
    bits.extend_from_slice(&9u64.to_le_bytes());
    bits.extend_from_slice(&[1, 0, 0, 0, 0]);
    assert_eq!(bad(&bits), Err(DecodeError::BadLiteral { at }));
    assert_eq!(
        DecodeError::BadLiteral { at: 7 }.to_string(),
        "malformed literal at byte 7"
    );
}

#[test]
fn names_that_are_not_utf8() {
    let mut b = header();
    b.extend_from_slice(&1u32.to_le_bytes());
    b.extend_from_slice(&1u32.to_le_bytes());
    b.push(0xff);
    b.extend_from_slice(&[0; 16]);
    assert_eq!(Module::decode(&b), Err(DecodeError::BadUtf8));
}

/// `depth` tuples of one item around `[]`, encoded.
fn nested(depth: usize) -> Vec<u8> {
    let mut lit = Vec::new();
    for _ in 0..depth {
        lit.extend_from_slice(&[5, 1, 0, 0, 0]);
    }
    lit.push(9);
    lit
}

#[test]
fn literals_nested_too_deeply() {
    let m = Module::decode(&with_literal(&nested(MAX_LITERAL_DEPTH))).expect("at the limit");
    assert_eq!(m.literals[0], gen::deep(MAX_LITERAL_DEPTH));
    assert_eq!(
        Module::decode(&with_literal(&nested(MAX_LITERAL_DEPTH + 1))),
        Err(DecodeError::TooDeep)
    );
    // Far deeper than any stack would take by recursion: refused all the same.
    assert_eq!(
        Module::decode(&with_literal(&nested(1_000_000))),
        Err(DecodeError::TooDeep)
    );
    // A list's tail and a map's value count as a level too.
    let mut lit = Vec::new();
    for i in 0..=MAX_LITERAL_DEPTH {
        if i % 2 == 0 {
            lit.extend_from_slice(&[6, 1, 0, 0, 0, 9]); // [[] | ...]
        } else {
            lit.extend_from_slice(&[7, 1, 0, 0, 0, 9]); // %{[] => ...}
        }
    }
    lit.push(9);
    assert_eq!(
        Module::decode(&with_literal(&lit)),
        Err(DecodeError::TooDeep)
    );
}

#[test]
fn every_single_byte_change_is_an_error_or_a_module() {
    // Decoding is total: no change of one byte panics, and whatever decodes encodes to
    // bytes that decode to the same.
    let b = sample();
    for at in 0..b.len() {
        for x in [0x00, 0x01, 0x7f, 0x80, 0xff, b[at] ^ 0x10] {
            let mut c = b.clone();
            c[at] = x;
            if let Ok(m) = Module::decode(&c) {
                let again = m.encode();
                assert_eq!(Module::decode(&again).map(|m| m.encode()), Ok(again));
                if verify(&m).is_ok() {
                    common::invariants::check(&m).expect("verify accepted an invalid module");
                }
            }
        }
    }
}
