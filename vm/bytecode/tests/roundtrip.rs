//! Encoding then decoding gives back what was encoded: every opcode, every kind of
//! constant, whole modules. And the disassembly of a small module, as documentation.
mod common;

use beamlet_bytecode::module::MAX_LITERAL_DEPTH;
use beamlet_bytecode::*;
use common::gen::{self, Entropy};

/// A module with room for any instruction: function 0 has 16 registers and 4
/// instructions, there are functions of arity 0 to 3, imports of arity 0 to 3, and
/// constants.
fn roomy() -> Module {
    let mut m = Module {
        atoms: vec!["m".into(), "f".into()],
        literals: vec![Literal::Int(7), Literal::Nil],
        code: vec![Instr::Ret { src: Src::konst(0) }; 7],
        ..Module::default()
    };
    for arity in 0..4u8 {
        m.functions.push(Function {
            name: 1,
            arity,
            regs: if arity == 0 { 16 } else { arity as u16 },
            entry: if arity == 0 { 0 } else { 3 + arity as u32 },
            len: if arity == 0 { 4 } else { 1 },
            ..Function::default()
        });
        m.imports.push(ImportEntry {
            module: 0,
            name: 1,
            arity,
        });
    }
    m
}

#[test]
fn every_opcode_round_trips() {
    for &op in Opcode::ALL {
        for seed in 0u8..8 {
            let mut m = roomy();
            let bytes: Vec<u8> = (0..64)
                .map(|i| seed.wrapping_mul(37).wrapping_add(i))
                .collect();
            let ins = gen::instr(op, &mut m, 0, &mut Entropy::new(&bytes))
                .unwrap_or_else(|| panic!("no {op:?} fits a frame of 16"));
            assert_eq!(ins.opcode(), op);
            let mut out = Vec::new();
            ins.encode(&mut out);
            assert_eq!(out[0], op as u8, "{op:?} starts with its number");
            let mut sizes = 1;
            ins.for_each_operand(&mut |_, o| sizes += gen::operand_size(o));
            assert_eq!(out.len(), sizes, "{op:?}: opcode byte plus its operands");
            let mut pos = 0;
            assert_eq!(Instr::decode(&out, &mut pos), Ok(ins));
            assert_eq!(pos, out.len());
            // Valid where it was made.
            m.code[0] = ins;
            m.code[1] = Instr::Ret { src: Src::konst(0) };
            verify(&m).unwrap_or_else(|e| panic!("{ins}: {e}"));
            assert!(ins.to_string().starts_with(op.name()));
        }
    }
}

#[test]
fn every_opcode_round_trips_with_its_largest_operands() {
    for &op in Opcode::ALL {
        let mut bytes = vec![op as u8];
        bytes.extend([0xff; 32]);
        let mut pos = 0;
        let ins = Instr::decode(&bytes, &mut pos).expect("decodes");
        let mut out = Vec::new();
        ins.encode(&mut out);
        assert_eq!(out, bytes[..pos], "{op:?}");
        // Every shorter prefix is truncated, never a panic.
        for cut in 0..pos {
            assert_eq!(
                Instr::decode(&bytes[..cut], &mut 0),
                Err(DecodeError::Truncated),
                "{op:?} cut at {cut}"
            );
        }
    }
}

/// Every kind of constant, at the edges of its range, alone and nested.
fn every_literal() -> Vec<Literal> {
    use Literal::*;
    let big = |negative, magnitude: &[u8]| BigInt {
        negative,
        magnitude: magnitude.to_vec(),
    };
    vec![
        Int(0),
        Int(-1),
        Int(i64::MIN),
        Int(i64::MAX),
        big(false, &[0, 0, 0, 0, 0, 0, 0, 0x80]), // 2^63
        big(true, &[1, 0, 0, 0, 0, 0, 0, 0x80]),  // -(2^63 + 1)
        big(false, &[0xff; 40]),
        big(true, &[0, 0, 0, 0, 0, 0, 0, 0, 1]), // -(2^64)
        Float(0.0),
        Float(-0.0),
        Float(f64::MAX),
        Float(f64::MIN_POSITIVE / 2.0), // subnormal
        Atom(0),
        Atom(2),
        Binary(vec![]),
        Binary((0..=255).collect()),
        Bits {
            bits: 1,
            bytes: vec![0x80],
        },
        Bits {
            bits: 15,
            bytes: vec![0xff, 0xfe],
        },
        Tuple(vec![]),
        Tuple(vec![Nil, Tuple(vec![Atom(1)])]),
        Nil,
        List(vec![Int(1), Int(2)], Box::new(Nil)),
        List(vec![Int(1)], Box::new(Atom(1))), // [1 | :ok], improper
        List(
            vec![List(vec![Nil], Box::new(Nil))],
            Box::new(List(vec![Int(3)], Box::new(Float(0.5)))),
        ),
        Map(vec![]),
        Map(vec![
            (Atom(1), Tuple(vec![Int(1)])),
            (
                Tuple(vec![Int(1), Binary(b"k".to_vec())]),
                Map(vec![(Nil, Nil)]),
            ),
        ]),
        gen::deep(MAX_LITERAL_DEPTH),
    ]
}

#[test]
fn every_literal_kind_round_trips() {
    let mut m = roomy();
    m.atoms.push("ok".into());
    m.literals = every_literal();
    verify(&m).expect("every literal is valid");
    let bytes = m.encode();
    let back = Module::decode(&bytes).expect("decodes");
    assert_eq!(back, m);
    assert_eq!(back.encode(), bytes);
}

#[test]
fn generated_modules_round_trip() {
    // Fixed inputs; tests/props.rs runs random ones. Between them they make every opcode
    // (the generator does not fall back to `jump` all the time) and handlers.
    let mut seen = std::collections::HashSet::new();
    let mut handlers = 0;
    for seed in 0u8..=255 {
        let bytes: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> (seed % 24)) as u8 ^ seed)
            .collect();
        let m = gen::module(&mut Entropy::new(&bytes));
        verify(&m).unwrap_or_else(|e| panic!("seed {seed}: {e}\n{}", disasm::module(&m)));
        assert_eq!(Module::decode(&m.encode()).as_ref(), Ok(&m));
        assert_eq!(load(&m.encode()).as_ref(), Ok(&m));
        seen.extend(m.code.iter().map(|i| i.opcode() as u8));
        handlers += m.functions.iter().map(|f| f.handlers.len()).sum::<usize>();
    }
    for &op in Opcode::ALL {
        assert!(seen.contains(&(op as u8)), "{op:?} never generated");
    }
    assert!(handlers > 100, "only {handlers} handlers");
}

#[test]
fn the_disassembly_reads_like_this() {
    let m = Module {
        name: 0,
        file: "lib/m.ex".into(),
        atoms: vec!["M".into(), "add".into(), "erlang".into(), "+".into()],
        literals: vec![
            Literal::Int(1),
            Literal::List(vec![Literal::Atom(1)], Box::new(Literal::Nil)),
        ],
        imports: vec![ImportEntry {
            module: 2,
            name: 3,
            arity: 2,
        }],
        functions: vec![Function {
            name: 1,
            arity: 1,
            regs: 4,
            exported: true,
            entry: 0,
            len: 4,
            lines: vec![(0, 3), (3, 4)],
            handlers: vec![Handler {
                start: 0,
                end: 1,
                target: 2,
            }],
        }],
        code: vec![
            Instr::Bif2 {
                dst: Reg(1),
                a: Src::reg(Reg(0)),
                b: Src::konst(0),
                import: Import(0),
            },
            Instr::Ret {
                src: Src::reg(Reg(1)),
            },
            Instr::GetExc {
                class: Reg(1),
                reason: Reg(2),
                trace: Reg(3),
            },
            Instr::Ret { src: Src::konst(1) },
        ],
        attributes: vec![],
    };
    verify(&m).expect("valid");
    assert_eq!(
        disasm::module(&m),
        "\
module M (lib/m.ex)
constants:
  k0 = 1
  k1 = [:\"add\"]
imports:
  imp0 = erlang.+/2

fun0 add/1 (regs 4)
  try @0..@1 -> @2
  ; line 3
     0: bif2 r1, r0, k0, imp0
     1: ret r1
     2: get_exc r1, r2, r3
  ; line 4
     3: ret k1
"
    );
}
