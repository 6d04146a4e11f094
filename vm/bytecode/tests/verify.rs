//! One test per check of the verifier: a valid module, one thing broken, and the message
//! that names it.
mod common;

use beamlet_bytecode::instr::seg;
use beamlet_bytecode::module::MAX_LITERAL_DEPTH;
use beamlet_bytecode::*;

/// A small valid module:
///
/// ```text
/// fun0 f/1 (regs 4)              fun1 g/2 (regs 3)
///   try @0..@3 -> @3               5: bif2 r2, r0, r1, imp0
///    0: add r1, r0, k0             6: call_tail r0, fun1
///    1: call r1, r2, fun1
///    2: ret r1
///    3: get_exc r1, r2, r3
///    4: ret r2
/// ```
fn valid() -> Module {
    Module {
        name: 0,
        file: "m.ex".into(),
        atoms: ["m", "f", "g", "erlang", "+", "ok"]
            .map(String::from)
            .to_vec(),
        literals: vec![
            Literal::Int(1),
            Literal::Tuple(vec![Literal::Int((8 << seg::UNIT_SHIFT) as i64)]),
            Literal::Binary(b"ab".to_vec()),
            Literal::Atom(5),
        ],
        imports: vec![ImportEntry {
            module: 3,
            name: 4,
            arity: 2,
        }],
        functions: vec![
            Function {
                name: 1,
                arity: 1,
                regs: 4,
                exported: true,
                entry: 0,
                len: 5,
                lines: vec![(0, 1)],
                handlers: vec![Handler {
                    start: 0,
                    end: 3,
                    target: 3,
                }],
            },
            Function {
                name: 2,
                arity: 2,
                regs: 3,
                exported: false,
                entry: 5,
                len: 2,
                lines: vec![],
                handlers: vec![],
            },
        ],
        code: vec![
            Instr::Add {
                dst: Reg(1),
                a: r(0),
                b: Src::konst(0),
            },
            Instr::Call {
                dst: Reg(1),
                base: Reg(2),
                fun: Fun(1),
            },
            Instr::Ret { src: r(1) },
            Instr::GetExc {
                class: Reg(1),
                reason: Reg(2),
                trace: Reg(3),
            },
            Instr::Ret { src: r(2) },
            Instr::Bif2 {
                dst: Reg(2),
                a: r(0),
                b: r(1),
                import: Import(0),
            },
            Instr::CallTail {
                base: Reg(0),
                fun: Fun(1),
            },
        ],
        attributes: vec![(5, 0)],
    }
}

#[test]
fn attributes_name_atoms_and_constants() {
    let mut m = valid();
    m.attributes = vec![(99, 0)];
    assert!(verify(&m).is_err());
    let mut m = valid();
    m.attributes = vec![(0, 99)];
    assert!(verify(&m)
        .unwrap_err()
        .message
        .contains("attribute names a missing atom or constant"));
}

fn r(i: u16) -> Src {
    Src::reg(Reg(i))
}

/// `valid()` with `change` made must be refused with a message holding each of `says`.
#[track_caller]
fn refused(change: impl FnOnce(&mut Module), says: &[&str]) {
    let mut m = valid();
    change(&mut m);
    let e = verify(&m).expect_err("verify accepted a broken module");
    let text = e.to_string();
    for s in says {
        assert!(text.contains(s), "{text:?} does not say {s:?}");
    }
    assert!(
        common::invariants::check(&m).is_err(),
        "the independent statement accepts it: {text}"
    );
}

/// `valid()` with `change` made is still valid.
#[track_caller]
fn accepted(change: impl FnOnce(&mut Module)) {
    let mut m = valid();
    change(&mut m);
    if let Err(e) = verify(&m) {
        panic!("refused: {e}\n{}", disasm::module(&m));
    }
    common::invariants::check(&m).expect("the independent statement agrees");
}

#[test]
fn the_base_module_is_valid() {
    accepted(|_| {});
}

// --- Operands ---

#[test]
fn a_register_outside_the_frame() {
    refused(
        |m| {
            m.code[0] = Instr::Add {
                dst: Reg(4),
                a: r(0),
                b: r(0),
            }
        },
        &[
            "in f/1 at 0",
            "add r4, r0, r0",
            "operand `dst` out of range",
        ],
    );
    refused(
        |m| {
            m.code[5] = Instr::Bif2 {
                dst: Reg(2),
                a: r(0),
                b: r(3),
                import: Import(0),
            }
        },
        &["in g/2 at 5", "operand `b` out of range"],
    );
}

#[test]
fn a_src_register_is_its_whole_value_not_its_low_16_bits() {
    // 0x1_0000 would read as r0 if only its low half were looked at.
    refused(
        |m| m.code[2] = Instr::Ret { src: Src(0x1_0000) },
        &["at 2", "operand `src` out of range"],
    );
    refused(
        |m| {
            m.code[2] = Instr::Ret {
                src: Src(0x7fff_ffff),
            }
        },
        &["operand `src` out of range"],
    );
}

#[test]
fn a_constant_out_of_range() {
    refused(
        |m| m.code[2] = Instr::Ret { src: Src::konst(4) },
        &["at 2", "ret k4", "operand `src` out of range"],
    );
    accepted(|m| m.code[2] = Instr::Ret { src: Src::konst(3) });
}

#[test]
fn a_label_outside_its_function() {
    let test = |to| Instr::IsLt {
        fail: Label(to),
        a: r(0),
        b: r(1),
    };
    // @5 exists, but in another function.
    refused(
        |m| m.code[0] = test(5),
        &["at 0", "operand `fail` out of range"],
    );
    refused(
        |m| m.code[4] = Instr::Jump { to: Label(7) },
        &["operand `to`"],
    );
    accepted(|m| m.code[0] = test(4));
}

#[test]
fn a_fun_or_import_out_of_range() {
    refused(
        |m| {
            m.code[1] = Instr::Call {
                dst: Reg(1),
                base: Reg(2),
                fun: Fun(2),
            }
        },
        &["operand `fun` out of range"],
    );
    refused(
        |m| {
            m.code[1] = Instr::CallExt {
                dst: Reg(1),
                base: Reg(2),
                import: Import(1),
            }
        },
        &["operand `import` out of range"],
    );
}

#[test]
fn a_call_reads_past_the_frame() {
    // g/2 takes R[base], R[base+1]: from r3 that is r3..r5 in a frame of 4.
    refused(
        |m| {
            m.code[1] = Instr::Call {
                dst: Reg(1),
                base: Reg(3),
                fun: Fun(1),
            }
        },
        &["at 1", "registers r3..r5 beyond the frame of 4"],
    );
    refused(
        |m| {
            m.code[6] = Instr::CallTail {
                base: Reg(2),
                fun: Fun(1),
            }
        },
        &["in g/2 at 6", "registers r2..r4 beyond the frame of 3"],
    );
    refused(
        |m| {
            m.code[1] = Instr::CallFun {
                dst: Reg(0),
                base: Reg(1),
                arity: Byte(3),
            }
        },
        &["registers r1..r5 beyond the frame of 4"],
    );
    refused(
        |m| m.code[4] = Instr::ApplyTail { base: Reg(2) },
        &["registers r2..r5 beyond the frame of 4"],
    );
    refused(
        |m| {
            m.code[1] = Instr::PutMap {
                dst: Reg(0),
                base: Reg(1),
                n: Count(2),
            }
        },
        &["registers r1..r5 beyond the frame of 4"],
    );
    // Exactly filling the frame is fine.
    accepted(|m| m.code[4] = Instr::ApplyTail { base: Reg(1) });
}

#[test]
fn a_bif_call_through_an_import_of_another_arity() {
    refused(
        |m| {
            m.code[0] = Instr::Bif1 {
                dst: Reg(1),
                a: r(0),
                import: Import(0),
            }
        },
        &["a BIF of arity 1 called through import 0 of arity 2"],
    );
}

#[test]
fn make_fun_with_more_captures_than_the_fun_takes() {
    let make = |n| Instr::MakeFun {
        dst: Reg(0),
        fun: Fun(0),
        base: Reg(1),
        n: Count(n),
    };
    refused(|m| m.code[1] = make(2), &["2 captures for fun0 of arity 1"]);
    accepted(|m| m.code[1] = make(1));
}

#[test]
fn a_raise_of_an_unknown_class() {
    let raise = |class| Instr::Raise {
        class: Byte(class),
        reason: r(0),
    };
    refused(
        |m| m.code[2] = raise(3),
        &["exception class 3 (0 error, 1 exit, 2 throw)"],
    );
    accepted(|m| m.code[2] = raise(2));
}

#[test]
fn an_unknown_type_code() {
    let test = |ty: u8| Instr::TestType {
        fail: Label(4),
        src: r(0),
        ty: Byte(ty),
    };
    let n = TypeTest::ALL.len() as u8;
    refused(
        |m| m.code[0] = test(n),
        &[&format!("unknown type code {n}")],
    );
    accepted(|m| m.code[0] = test(n - 1));
}

#[test]
fn bs_build_with_a_bad_spec() {
    let build = |n, spec| Instr::BsBuild {
        dst: Reg(0),
        base: Reg(2),
        n: Count(n),
        spec,
    };
    accepted(|m| m.code[1] = build(1, Src::konst(1)));
    refused(
        |m| m.code[1] = build(1, r(1)),
        &["the spec must be a constant"],
    );
    refused(
        |m| m.code[1] = build(1, Src::konst(2)),
        &["the spec k2 is not a tuple"],
    );
    refused(
        |m| {
            m.literals[1] = Literal::Tuple(vec![]);
            m.code[1] = build(1, Src::konst(1));
        },
        &["the spec k1 has 0 segments, not 1"],
    );
    refused(
        |m| {
            m.literals[1] = Literal::Tuple(vec![Literal::Int(-1)]);
            m.code[1] = build(1, Src::konst(1));
        },
        &["the spec k1 holds a segment that is not flags"],
    );
    // Type 7 does not exist.
    refused(
        |m| {
            m.literals[1] = Literal::Tuple(vec![Literal::Int(7)]);
            m.code[1] = build(1, Src::konst(1));
        },
        &["bad segment flags 0x7"],
    );
    // Two segments read r2..r6 in a frame of 4.
    refused(
        |m| {
            m.literals[1] = Literal::Tuple(vec![Literal::Int(0), Literal::Int(0)]);
            m.code[1] = build(2, Src::konst(1));
        },
        &["registers r2..r6 beyond the frame of 4"],
    );
}

#[test]
fn segment_flags_are_checked_bit_by_bit() {
    let get = |flags| Instr::BsGet {
        fail: Label(4),
        dst: Reg(1),
        ctx: Reg(2),
        size: Src::konst(0),
        flags: Count(flags),
    };
    for ok in [
        seg::INTEGER,
        seg::UTF32 | seg::LITTLE,
        seg::INTEGER | seg::SIGNED | seg::NATIVE | (255 << seg::UNIT_SHIFT),
    ] {
        accepted(|m| m.code[0] = get(ok));
    }
    for (bad, says) in [
        (7, "0x7"),           // no type 7
        (3 << 4, "0x30"),     // no endianness 3
        (1 << 6, "0x40"),     // a reserved bit
        (1 << 16, "0x10000"), // past the unit
    ] {
        refused(
            |m| m.code[0] = get(bad),
            &[&format!("bad segment flags {says}")],
        );
    }
}

#[test]
fn bs_test_unit_of_zero() {
    let test = |unit| Instr::BsTestUnit {
        fail: Label(4),
        src: r(0),
        unit: Count(unit),
    };
    refused(|m| m.code[0] = test(0), &["unit 0"]);
    accepted(|m| m.code[0] = test(1));
}

#[test]
fn bs_skip_prefix_needs_a_constant_bitstring() {
    let skip = |lit| Instr::BsSkipPrefix {
        fail: Label(4),
        dst: Reg(1),
        src: r(0),
        lit,
    };
    accepted(|m| m.code[0] = skip(Src::konst(2)));
    refused(
        |m| m.code[0] = skip(Src::konst(0)),
        &["the prefix k0 is not a bitstring"],
    );
    refused(
        |m| m.code[0] = skip(r(1)),
        &["the prefix must be a constant"],
    );
}

// --- Control flow and layout ---

#[test]
fn falling_through_the_end_of_a_function() {
    refused(
        |m| {
            m.code[4] = Instr::Move {
                dst: Reg(0),
                src: r(1),
            }
        },
        &["in f/1 at 4", "falls through its end"],
    );
    // A test falls through when it succeeds.
    refused(
        |m| {
            m.code[6] = Instr::IsEq {
                fail: Label(5),
                a: r(0),
                b: r(1),
            }
        },
        &["in g/2 at 6", "falls through its end"],
    );
}

#[test]
fn functions_that_overlap_or_leave_code_uncovered() {
    let says = &["functions do not cover the code contiguously"];
    refused(|m| m.functions[1].entry = 4, says); // overlaps f
    refused(|m| m.functions[1].len = 1, says); // @6 is nobody's
    refused(|m| m.functions[1].len = 3, says); // past the code
    refused(|m| m.code.push(Instr::Ret { src: r(0) }), says);
    refused(
        |m| {
            m.functions[1].entry = u32::MAX;
            m.functions[1].len = u32::MAX;
        },
        says,
    );
    refused(|m| m.functions[0].len = 0, &["function f/1 has no code"]);
    // The table's order need not be the code's order.
    accepted(|m| {
        m.functions.swap(0, 1);
        for ins in &mut m.code {
            if let Instr::Call { fun, .. } | Instr::CallTail { fun, .. } = ins {
                fun.0 = 1 - fun.0;
            }
        }
    });
}

#[test]
fn a_function_defined_twice() {
    refused(
        |m| {
            m.functions[1].name = 1;
            m.functions[1].arity = 1;
        },
        &["function f/1 defined twice"],
    );
    // Same name, other arity: another function.
    accepted(|m| m.functions[1].name = 1);
}

#[test]
fn fewer_registers_than_parameters() {
    refused(
        |m| m.functions[1].regs = 1,
        &["function g/2 has fewer registers than parameters"],
    );
}

#[test]
fn a_handler_outside_its_function() {
    let set = |h: Handler| move |m: &mut Module| m.functions[0].handlers[0] = h;
    let h = |start, end, target| Handler { start, end, target };
    refused(
        set(h(0, 6, 3)),
        &["in f/1 at 0", "handler 0 range outside the function"],
    );
    refused(set(h(2, 2, 3)), &["handler 0 range outside the function"]); // empty
    refused(set(h(3, 2, 3)), &["handler 0 range outside the function"]);
    refused(
        set(h(0, 3, 5)),
        &["in f/1 at 5", "handler 0 target outside the function"],
    );
    refused(
        |m| m.functions[1].handlers.push(h(5, 6, 0)),
        &["in g/2 at 0", "handler 0 target outside the function"],
    );
    accepted(set(h(0, 5, 4)));
}

#[test]
fn handlers_that_cross_or_are_listed_outside_in() {
    let h = |start, end, target| Handler { start, end, target };
    let with = |hs: Vec<Handler>| move |m: &mut Module| m.functions[0].handlers = hs;
    // 0..3 and 1..4 cross.
    refused(
        with(vec![h(0, 3, 3), h(1, 4, 3)]),
        &["handler 0 is not nested properly"],
    );
    refused(
        with(vec![h(1, 4, 3), h(0, 3, 3)]),
        &["handler 0 is not nested properly"],
    );
    // The outer range listed before the inner one.
    refused(
        with(vec![h(0, 4, 3), h(1, 2, 3)]),
        &["handler 0 is not nested properly"],
    );
    refused(
        with(vec![h(0, 1, 4), h(0, 4, 3), h(0, 2, 3)]),
        &["handler 1 is not nested properly"],
    );
    // Inner first, disjoint siblings, the same range twice.
    accepted(with(vec![
        h(1, 2, 3),
        h(0, 2, 3),
        h(2, 3, 4),
        h(0, 4, 3),
        h(0, 4, 4),
    ]));
}

// --- Atoms and constants ---

#[test]
fn an_atom_too_long() {
    refused(
        |m| m.atoms[5] = "a".repeat(256),
        &["atom too long (256 characters)"],
    );
    // The limit counts characters, not bytes.
    accepted(|m| m.atoms[5] = "é".repeat(255));
}

#[test]
fn names_that_are_not_atoms() {
    refused(
        |m| m.name = 6,
        &["module name is not an atom of the module"],
    );
    refused(
        |m| m.imports[0].name = 6,
        &["import 0 names a missing atom"],
    );
    refused(|m| m.functions[1].name = 6, &["function name out of range"]);
}

#[test]
fn a_literal_naming_a_missing_atom() {
    refused(
        |m| m.literals[3] = Literal::Atom(6),
        &["literal 3: atom 6 out of range"],
    );
    refused(
        |m| {
            m.literals[0] = Literal::Map(vec![(
                Literal::Int(1),
                Literal::List(vec![Literal::Nil], Box::new(Literal::Atom(99))),
            )])
        },
        &["literal 0: atom 99 out of range"],
    );
}

#[test]
fn a_float_that_is_not_finite() {
    for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        refused(
            |m| m.literals[3] = Literal::Float(x),
            &["literal 3: float is not finite"],
        );
    }
}

#[test]
fn bignums_are_canonical() {
    let big = |negative, magnitude: &[u8]| Literal::BigInt {
        negative,
        magnitude: magnitude.to_vec(),
    };
    let at3 = |l: Literal| move |m: &mut Module| m.literals[3] = l;
    refused(at3(big(false, &[])), &["literal 3: empty bignum"]);
    refused(at3(big(false, &[1, 0])), &["bignum with a high zero byte"]);
    refused(at3(big(true, &[0])), &["bignum with a high zero byte"]); // -0
    let fits = "bignum that fits in 64 bits (an Int)";
    refused(at3(big(false, &[0xff; 7])), &[fits]);
    refused(
        at3(big(
            false,
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
        )),
        &[fits],
    );
    refused(at3(big(true, &[0, 0, 0, 0, 0, 0, 0, 0x80])), &[fits]); // i64::MIN
    accepted(at3(big(false, &[0, 0, 0, 0, 0, 0, 0, 0x80]))); // i64::MAX + 1
    accepted(at3(big(true, &[1, 0, 0, 0, 0, 0, 0, 0x80]))); // i64::MIN - 1
}

#[test]
fn bitstrings_are_canonical() {
    let bits = |bits, bytes: &[u8]| Literal::Bits {
        bits,
        bytes: bytes.to_vec(),
    };
    let at3 = |l: Literal| move |m: &mut Module| m.literals[3] = l;
    refused(
        at3(bits(9, &[0])),
        &["bitstring size does not match its bytes"],
    );
    refused(
        at3(bits(16, &[1, 2])),
        &["bitstring of whole bytes (a binary)"],
    );
    refused(
        at3(bits(3, &[0xf0])),
        &["bitstring padding bits are not zero"],
    );
    accepted(at3(bits(3, &[0xe0])));
}

#[test]
fn a_list_literal_without_items() {
    refused(
        |m| m.literals[0] = Literal::List(vec![], Box::new(Literal::Nil)),
        &["literal 0: list literal without items"],
    );
}

#[test]
fn a_literal_nested_too_deeply() {
    refused(
        |m| m.literals[0] = common::gen::deep(MAX_LITERAL_DEPTH + 1),
        &["literal 0: nested deeper than 1024"],
    );
    accepted(|m| m.literals[0] = common::gen::deep(MAX_LITERAL_DEPTH));
}

#[test]
fn errors_render_with_function_and_pc() {
    let e = VerifyError {
        function: Some("f/1".into()),
        pc: Some(3),
        message: "boom".into(),
    };
    assert_eq!(e.to_string(), "in f/1 at 3: boom");
    let mut m = valid();
    m.name = 9;
    assert_eq!(
        load(&m.encode()),
        Err("invalid module ?: module name is not an atom of the module".into())
    );
}

#[test]
fn a_table_of_many_handlers_is_checked_in_one_sweep() {
    // 50,000 nested ranges plus 50,000 disjoint ones: pairwise checks would take billions
    // of steps; the sweep takes a sort.
    const N: u32 = 100_000;
    let nested = (0..N / 4).rev().map(|i| Handler {
        start: i,
        end: N / 2 - i,
        target: 0,
    });
    let disjoint = (N / 2..N).map(|i| Handler {
        start: i,
        end: i + 1,
        target: i,
    });
    let mut m = Module {
        atoms: vec!["m".into()],
        code: vec![Instr::Jump { to: Label(0) }; N as usize],
        ..Module::default()
    };
    m.functions.push(Function {
        len: N,
        handlers: nested.chain(disjoint).collect(),
        ..Function::default()
    });
    verify(&m).expect("valid");
    // The outermost listed first: the last check to fail, found all the same.
    m.functions[0].handlers.swap(0, N as usize / 4 - 1);
    let e = verify(&m).expect_err("outside-in");
    assert!(e.to_string().contains("is not nested properly"), "{e}");
}

// --- Select tables ---

/// fun0's code from pc 0 becomes `select`, then `entries`, then what was there.
fn with_select(m: &mut Module, select: Instr, entries: &[Instr]) {
    let mut code = vec![select];
    code.extend_from_slice(entries);
    let len = code.len();
    m.code.splice(0..len, code);
}

fn case(key: u32, to: u32) -> Instr {
    Instr::CaseVal {
        key: Src::konst(key),
        to: Label(to),
    }
}

#[test]
fn a_select_is_followed_by_its_table() {
    let val = |n| Instr::SelectVal {
        fail: Label(4),
        src: r(0),
        n: Count(n),
    };
    let arity = |n| Instr::SelectArity {
        fail: Label(4),
        src: r(0),
        n: Count(n),
    };
    // select_val r0 over :ok (k3), 1 (k0) and "ab" (k2).
    accepted(|m| with_select(m, val(3), &[case(3, 4), case(0, 4), case(2, 4)]));
    accepted(|m| with_select(m, arity(1), &[case(0, 4)]));
    accepted(|m| with_select(m, val(0), &[]));
    refused(
        |m| with_select(m, val(2), &[case(3, 4), Instr::Ret { src: r(0) }]),
        &["at 0", "entry 1 of its table is not a case_val"],
    );
    refused(
        |m| {
            with_select(
                m,
                val(1),
                &[Instr::CaseVal {
                    key: r(1),
                    to: Label(4),
                }],
            )
        },
        &["the key is not a constant"],
    );
    // An arity must be a non-negative small integer.
    refused(
        |m| with_select(m, arity(1), &[case(3, 4)]),
        &["the key of entry 0 is not an arity"],
    );
    // The table may not run into the next function (fun0 has 5 instructions).
    refused(
        |m| m.code[4] = val(1),
        &["at 4", "its table of 1 entries runs past the function"],
    );
    refused(
        |m| with_select(m, val(1), &[case(3, 5)]),
        &["operand `to` out of range"],
    );
    // A lone entry is a jump, and like a select it may end a function.
    accepted(|m| m.code[4] = case(0, 0));
    accepted(|m| m.code[4] = val(0));
}
