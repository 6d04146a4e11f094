//! Valid modules made from a stream of bytes, and mutations of them.
//!
//! Shared by the property tests (the bytes come from proptest) and the `bytecode` fuzz
//! target (the bytes are the fuzzer's input), so it depends on nothing but
//! `beamlet_bytecode` and std. Every choice reads the stream; a stream that runs out reads
//! as zeros, and zeros always mean "the smallest choice, stop now", so any input gives a
//! module.
//!
//! [`module`] only makes modules that the verifier must accept: every operand is chosen
//! inside its range, handlers are nested (inner ranges listed first), each function ends
//! in a terminator. [`mutate`] then breaks them in the ways a faulty compiler or a
//! corrupted file would.

use beamlet_bytecode::instr::{seg, CONST_BIT};
use beamlet_bytecode::module::MAX_LITERAL_DEPTH;
use beamlet_bytecode::{
    Byte, Count, Fun, Function, Handler, Import, ImportEntry, Instr, Label, Literal, Module,
    Opcode, Operand, Reg, Src, TypeTest,
};

/// A stream of choices.
pub struct Entropy<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Entropy<'a> {
    /// Choices read from `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Entropy { data, pos: 0 }
    }

    /// The next byte, 0 past the end.
    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// A little-endian u32.
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u32) -> u32 {
        match n {
            0 => 0,
            1..=256 => self.byte() as u32 % n,
            _ => self.u32() % n,
        }
    }

    /// A yes/no choice; false at the end of the stream.
    pub fn flip(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// An element of `xs` (which is not empty).
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u32) as usize]
    }
}

/// The opcodes that end a function: after them control never reaches the next pc.
pub const TERMINATORS: &[Opcode] = &[
    Opcode::Ret,
    Opcode::Jump,
    Opcode::CallTail,
    Opcode::CallExtTail,
    Opcode::CallFunTail,
    Opcode::ApplyTail,
    Opcode::Raise,
    Opcode::Reraise,
    Opcode::SelectVal,
    Opcode::SelectArity,
    Opcode::CaseVal,
    Opcode::RecvNext,
];

/// A valid module: 1 to 4 functions of up to 12 instructions, with constants, imports,
/// handlers and line tables.
pub fn module(e: &mut Entropy) -> Module {
    let mut m = Module {
        name: 0,
        file: "gen.exs".into(),
        atoms: vec!["gen".into()],
        ..Module::default()
    };
    for i in 0..e.below(4) {
        m.atoms.push(match e.below(3) {
            0 => format!("a{i}"),
            1 => "é".repeat(255), // 255 characters, 510 bytes: the longest atom there is
            _ => String::new(),
        });
    }
    m.literals.push(Literal::Int(0));
    for _ in 0..e.below(4) {
        let l = literal(e, m.atoms.len() as u32, 3);
        m.literals.push(l);
    }
    for _ in 0..e.below(3) {
        let arity = e.below(4) as u8;
        let (module, name) = (e.below(m.atoms.len() as u32), e.below(m.atoms.len() as u32));
        m.imports.push(ImportEntry {
            module,
            name,
            arity,
        });
    }
    let nf = 1 + e.below(4);
    let mut order = Vec::new();
    for i in 0..nf {
        let arity = e.below(5) as u8;
        let name = m.atoms.len() as u32;
        m.atoms.push(format!("f{i}"));
        m.functions.push(Function {
            name,
            arity,
            regs: arity as u16 + e.below(8) as u16,
            exported: e.flip(),
            entry: 0,
            len: 1 + e.below(12),
            lines: vec![],
            handlers: vec![],
        });
        // Code order differs from table order: insert at a chosen place.
        let at = e.below(order.len() as u32 + 1) as usize;
        order.insert(at, i as usize);
    }
    let mut next = 0;
    for &i in &order {
        m.functions[i].entry = next;
        next += m.functions[i].len;
    }
    m.code = vec![Instr::Ret { src: Src::konst(0) }; next as usize];
    for i in 0..m.functions.len() {
        let (entry, len) = (m.functions[i].entry, m.functions[i].len);
        for pc in entry..entry + len {
            let last = pc + 1 == entry + len;
            let op = if last {
                e.pick(TERMINATORS)
            } else {
                e.pick(Opcode::ALL)
            };
            let ins = instr(op, &mut m, i, e).unwrap_or(Instr::Jump {
                to: Label(entry + e.below(len)),
            });
            m.code[pc as usize] = ins;
        }
        let mut handlers = Vec::new();
        nested_handlers(e, entry, entry + len, (entry, len), 0, &mut handlers);
        let mut lines = Vec::new();
        for pc in entry..entry + len {
            if e.flip() {
                lines.push((pc, 1 + e.below(1000)));
            }
        }
        let f = &mut m.functions[i];
        f.handlers = handlers;
        f.lines = lines;
    }
    m
}

/// Handlers inside `start..end`: disjoint siblings, each listed after the handlers nested
/// in it; now and then a second handler over the very same range.
fn nested_handlers(
    e: &mut Entropy,
    start: u32,
    end: u32,
    (entry, len): (u32, u32),
    depth: u32,
    out: &mut Vec<Handler>,
) {
    let mut pos = start;
    while pos < end && out.len() < 8 && e.flip() {
        let a = pos + e.below(end - pos);
        let b = a + 1 + e.below(end - a);
        if depth < 3 {
            nested_handlers(e, a, b, (entry, len), depth + 1, out);
        }
        let copies = if e.flip() { 2 } else { 1 };
        for _ in 0..copies {
            out.push(Handler {
                start: a,
                end: b,
                target: entry + e.below(len),
            });
        }
        pos = b;
    }
}

/// A valid literal of at most `depth` levels, naming atoms below `atoms`.
pub fn literal(e: &mut Entropy, atoms: u32, depth: u32) -> Literal {
    let kinds = if depth == 0 { 7 } else { 10 };
    match e.below(kinds) {
        0 => Literal::Int(match e.below(4) {
            0 => i64::MIN,
            1 => i64::MAX,
            _ => (e.u32() as i32) as i64,
        }),
        1 => bignum(e),
        2 => {
            let f = f64::from_bits(u64::from(e.u32()) << 32 | u64::from(e.u32()));
            Literal::Float(if f.is_finite() { f } else { -0.0 })
        }
        3 if atoms > 0 => Literal::Atom(e.below(atoms)),
        4 => Literal::Binary((0..e.below(6)).map(|_| e.byte()).collect()),
        5 => bits(e),
        6 | 3 => Literal::Nil,
        7 => Literal::Tuple(
            (0..e.below(4))
                .map(|_| literal(e, atoms, depth - 1))
                .collect(),
        ),
        8 => {
            let items = (0..1 + e.below(3))
                .map(|_| literal(e, atoms, depth - 1))
                .collect();
            let tail = if e.flip() {
                literal(e, atoms, depth - 1)
            } else {
                Literal::Nil
            };
            Literal::List(items, Box::new(tail))
        }
        _ => Literal::Map(
            (0..e.below(3))
                .map(|_| (literal(e, atoms, depth - 1), literal(e, atoms, depth - 1)))
                .collect(),
        ),
    }
}

/// A canonical bignum: no high zero byte, and too large for 64 bits.
fn bignum(e: &mut Entropy) -> Literal {
    let negative = e.flip();
    let len = 8 + e.below(9) as usize;
    let mut magnitude: Vec<u8> = (0..len).map(|_| e.byte()).collect();
    if len == 8 {
        magnitude[7] |= 0x80;
        if negative && magnitude[..7].iter().all(|&b| b == 0) && magnitude[7] == 0x80 {
            magnitude[0] = 1; // -2^63 fits in an Int
        }
    } else if magnitude[len - 1] == 0 {
        magnitude[len - 1] = 1;
    }
    Literal::BigInt {
        negative,
        magnitude,
    }
}

/// A canonical bitstring: not whole bytes, padding bits zero.
fn bits(e: &mut Entropy) -> Literal {
    let bits = 8 * e.below(4) as u64 + 1 + e.below(7) as u64;
    let mut bytes: Vec<u8> = (0..bits.div_ceil(8)).map(|_| e.byte()).collect();
    if let Some(last) = bytes.last_mut() {
        *last &= !(0xffu8 >> (bits % 8));
    }
    Literal::Bits { bits, bytes }
}

/// Well-formed segment flags.
pub fn seg_flags(e: &mut Entropy) -> u32 {
    let ty = e.below(7);
    let signed = if e.flip() { seg::SIGNED } else { 0 };
    let endian = e.below(3) << 4;
    let unit = e.below(256) << seg::UNIT_SHIFT;
    ty | signed | endian | unit
}

/// A valid instance of `op` for function `f` of `m` (adding constants and imports to `m`
/// where the instruction needs one), or `None` when the function's frame is too small.
pub fn instr(op: Opcode, m: &mut Module, f: usize, e: &mut Entropy) -> Option<Instr> {
    let Function {
        entry, len, regs, ..
    } = m.functions[f];
    let regs = regs as u32;
    let nlit = m.literals.len() as u32;
    let nfun = m.functions.len() as u32;
    let reg = |e: &mut Entropy| (regs > 0).then(|| Reg(e.below(regs) as u16));
    let src = |e: &mut Entropy| {
        if nlit > 0 && (regs == 0 || e.flip()) {
            Some(Src::konst(e.below(nlit)))
        } else {
            reg(e).map(Src::reg)
        }
    };
    let label = |e: &mut Entropy| Label(entry + e.below(len));
    // A base register for a window of n registers: base < regs and base + n <= regs.
    let window = |e: &mut Entropy, n: u32| {
        (regs > 0 && n <= regs).then(|| Reg(e.below((regs - 1).min(regs - n) + 1) as u16))
    };
    let count = |e: &mut Entropy| Count(if e.flip() { e.u32() } else { e.below(8) });
    let fun_arity = |m: &Module, x: u32| m.functions[x as usize].arity as u32;
    use Opcode as O;
    Some(match op {
        O::Move => Instr::Move {
            dst: reg(e)?,
            src: src(e)?,
        },
        O::Jump => Instr::Jump { to: label(e) },
        O::Ret => Instr::Ret { src: src(e)? },
        O::Call => {
            let fun = e.below(nfun);
            let base = window(e, fun_arity(m, fun))?;
            Instr::Call {
                dst: reg(e)?,
                base,
                fun: Fun(fun),
            }
        }
        O::CallTail => {
            let fun = e.below(nfun);
            Instr::CallTail {
                base: window(e, fun_arity(m, fun))?,
                fun: Fun(fun),
            }
        }
        O::CallExt => {
            let arity = e.below(regs.min(255) + 1);
            let base = window(e, arity)?;
            Instr::CallExt {
                dst: reg(e)?,
                base,
                import: import_of_arity(m, arity as u8),
            }
        }
        O::CallExtTail => {
            let arity = e.below(regs.min(255) + 1);
            Instr::CallExtTail {
                base: window(e, arity)?,
                import: import_of_arity(m, arity as u8),
            }
        }
        O::CallFun => {
            let arity = e.below(regs.min(256));
            let base = window(e, 1 + arity)?;
            Instr::CallFun {
                dst: reg(e)?,
                base,
                arity: Byte(arity as u8),
            }
        }
        O::CallFunTail => {
            let arity = e.below(regs.min(256));
            Instr::CallFunTail {
                base: window(e, 1 + arity)?,
                arity: Byte(arity as u8),
            }
        }
        O::Apply => Instr::Apply {
            dst: reg(e)?,
            base: window(e, 3)?,
        },
        O::ApplyTail => Instr::ApplyTail {
            base: window(e, 3)?,
        },
        O::Bif1 => Instr::Bif1 {
            dst: reg(e)?,
            a: src(e)?,
            import: import_of_arity(m, 1),
        },
        O::Bif2 => Instr::Bif2 {
            dst: reg(e)?,
            a: src(e)?,
            b: src(e)?,
            import: import_of_arity(m, 2),
        },
        O::GBif1 => Instr::GBif1 {
            fail: label(e),
            dst: reg(e)?,
            a: src(e)?,
            import: import_of_arity(m, 1),
        },
        O::GBif2 => Instr::GBif2 {
            fail: label(e),
            dst: reg(e)?,
            a: src(e)?,
            b: src(e)?,
            import: import_of_arity(m, 2),
        },
        O::Add => Instr::Add {
            dst: reg(e)?,
            a: src(e)?,
            b: src(e)?,
        },
        O::Sub => Instr::Sub {
            dst: reg(e)?,
            a: src(e)?,
            b: src(e)?,
        },
        O::Mul => Instr::Mul {
            dst: reg(e)?,
            a: src(e)?,
            b: src(e)?,
        },
        O::IsLt => Instr::IsLt {
            fail: label(e),
            a: src(e)?,
            b: src(e)?,
        },
        O::IsGe => Instr::IsGe {
            fail: label(e),
            a: src(e)?,
            b: src(e)?,
        },
        O::IsEq => Instr::IsEq {
            fail: label(e),
            a: src(e)?,
            b: src(e)?,
        },
        O::IsNe => Instr::IsNe {
            fail: label(e),
            a: src(e)?,
            b: src(e)?,
        },
        O::IsEqExact => Instr::IsEqExact {
            fail: label(e),
            a: src(e)?,
            b: src(e)?,
        },
        O::IsNeExact => Instr::IsNeExact {
            fail: label(e),
            a: src(e)?,
            b: src(e)?,
        },
        O::TestType => Instr::TestType {
            fail: label(e),
            src: src(e)?,
            ty: Byte(e.below(TypeTest::ALL.len() as u32) as u8),
        },
        O::TestArity => Instr::TestArity {
            fail: label(e),
            src: src(e)?,
            n: count(e),
        },
        O::TestFunArity => Instr::TestFunArity {
            fail: label(e),
            src: src(e)?,
            n: count(e),
        },
        O::GetList => Instr::GetList {
            head: reg(e)?,
            tail: reg(e)?,
            src: src(e)?,
        },
        O::MatchList => Instr::MatchList {
            fail: label(e),
            head: reg(e)?,
            tail: reg(e)?,
            src: src(e)?,
        },
        O::GetElem => Instr::GetElem {
            dst: reg(e)?,
            src: src(e)?,
            i: count(e),
        },
        O::PutList => Instr::PutList {
            dst: reg(e)?,
            head: src(e)?,
            tail: src(e)?,
        },
        O::PutTuple => {
            let n = e.below(regs + 1);
            Instr::PutTuple {
                dst: reg(e)?,
                base: window(e, n)?,
                n: Count(n),
            }
        }
        O::PutMap => {
            let n = e.below(regs / 2 + 1);
            Instr::PutMap {
                dst: reg(e)?,
                base: window(e, 2 * n)?,
                n: Count(n),
            }
        }
        O::UpdateMap => {
            let n = e.below(regs / 2 + 1);
            Instr::UpdateMap {
                dst: reg(e)?,
                src: src(e)?,
                base: window(e, 2 * n)?,
                n: Count(n),
            }
        }
        O::GetMap => Instr::GetMap {
            fail: label(e),
            dst: reg(e)?,
            src: src(e)?,
            key: src(e)?,
        },
        O::MakeFun => {
            let fun = e.below(nfun);
            let n = e.below(fun_arity(m, fun).min(regs) + 1);
            Instr::MakeFun {
                dst: reg(e)?,
                fun: Fun(fun),
                base: window(e, n)?,
                n: Count(n),
            }
        }
        O::Raise => Instr::Raise {
            class: Byte(e.below(3) as u8),
            reason: src(e)?,
        },
        O::Reraise => Instr::Reraise {
            class: src(e)?,
            reason: src(e)?,
            trace: src(e)?,
        },
        O::GetExc => Instr::GetExc {
            class: reg(e)?,
            reason: reg(e)?,
            trace: reg(e)?,
        },
        O::BsBuild => {
            let n = e.below(regs / 2 + 1);
            let dst = reg(e)?;
            let base = window(e, 2 * n)?;
            let spec = (0..n).map(|_| Literal::Int(seg_flags(e) as i64)).collect();
            m.literals.push(Literal::Tuple(spec));
            Instr::BsBuild {
                dst,
                base,
                n: Count(n),
                spec: Src::konst(m.literals.len() as u32 - 1),
            }
        }
        O::BsGet => Instr::BsGet {
            fail: label(e),
            dst: reg(e)?,
            ctx: window(e, 2)?,
            size: src(e)?,
            flags: Count(seg_flags(e)),
        },
        O::BsTestSize => Instr::BsTestSize {
            fail: label(e),
            ctx: window(e, 2)?,
            bits: count(e),
        },
        O::BsStart => Instr::BsStart {
            fail: label(e),
            ctx: window(e, 2)?,
            src: src(e)?,
        },
        O::BsTestUnit => Instr::BsTestUnit {
            fail: label(e),
            src: src(e)?,
            unit: Count(1 + e.below(255)),
        },
        O::BsSkipPrefix => {
            let (fail, dst, s) = (label(e), reg(e)?, src(e)?);
            let prefix = if e.flip() {
                bits(e)
            } else {
                Literal::Binary((0..e.below(4)).map(|_| e.byte()).collect())
            };
            m.literals.push(prefix);
            Instr::BsSkipPrefix {
                fail,
                dst,
                src: s,
                lit: Src::konst(m.literals.len() as u32 - 1),
            }
        }
        // One instruction at a time: a select with an empty table (its entries are
        // tested in tests/verify.rs), and lone entries (which jump).
        O::SelectVal => Instr::SelectVal {
            fail: label(e),
            src: src(e)?,
            n: Count(0),
        },
        O::SelectArity => Instr::SelectArity {
            fail: label(e),
            src: src(e)?,
            n: Count(0),
        },
        O::CaseVal => Instr::CaseVal {
            key: Src::konst(e.below(nlit.max(1)).min(nlit.checked_sub(1)?)),
            to: label(e),
        },
        O::RecvPeek => Instr::RecvPeek {
            empty: label(e),
            dst: reg(e)?,
        },
        O::RecvNext => Instr::RecvNext { to: label(e) },
        O::RecvRemove => Instr::RecvRemove {},
        O::RecvWait => Instr::RecvWait {
            to: label(e),
            timeout: src(e)?,
        },
        O::RecvMark => Instr::RecvMark { src: src(e)? },
    })
}

/// An import of `arity`: an existing one, or a new `gen.gen/arity`.
fn import_of_arity(m: &mut Module, arity: u8) -> Import {
    if let Some(i) = m.imports.iter().position(|i| i.arity == arity) {
        return Import(i as u32);
    }
    m.imports.push(ImportEntry {
        module: 0,
        name: 0,
        arity,
    });
    Import(m.imports.len() as u32 - 1)
}

/// Bytes of an operand in the encoding.
pub fn operand_size(op: Operand) -> usize {
    match op {
        Operand::Reg(_) => 2,
        Operand::Byte(_) => 1,
        Operand::Src(_)
        | Operand::Label(_)
        | Operand::Fun(_)
        | Operand::Import(_)
        | Operand::Count(_) => 4,
    }
}

/// `ins` with its operand number `k` (wrapping) set to `value` (truncated to its size).
pub fn with_operand(ins: Instr, k: usize, value: u32) -> Instr {
    let mut sizes = Vec::new();
    ins.for_each_operand(&mut |_, op| sizes.push(operand_size(op)));
    if sizes.is_empty() {
        return ins;
    }
    let k = k % sizes.len();
    let at = 1 + sizes[..k].iter().sum::<usize>();
    let mut bytes = Vec::new();
    ins.encode(&mut bytes);
    bytes[at..at + sizes[k]].copy_from_slice(&value.to_le_bytes()[..sizes[k]]);
    Instr::decode(&bytes, &mut 0).expect("an instruction with one operand changed decodes")
}

/// Values near the edges of what operands may hold in `m`, function `f`.
fn interesting(e: &mut Entropy, m: &Module, f: Option<&Function>) -> u32 {
    let (entry, len, regs) = f.map_or((0, 0, 0), |f| (f.entry, f.len, f.regs as u32));
    let nlit = m.literals.len() as u32;
    let near = [
        0,
        1,
        2,
        3,
        7,
        16,
        255,
        256,
        regs.wrapping_sub(1),
        regs,
        regs.wrapping_add(1),
        entry.wrapping_sub(1),
        entry.wrapping_add(len),
        entry.wrapping_add(len).wrapping_sub(1),
        m.code.len() as u32,
        nlit.wrapping_sub(1) | CONST_BIT,
        nlit | CONST_BIT,
        CONST_BIT,
        0x1_0000,
        0x1_0000 | regs.wrapping_sub(1),
        m.functions.len() as u32,
        m.imports.len() as u32,
        m.atoms.len() as u32,
        u32::MAX,
        0x7,
        0x30,
        0x40,
        0x1_0000,
    ];
    if e.below(4) == 0 {
        e.u32()
    } else {
        e.pick(&near).wrapping_add(e.below(3)).wrapping_sub(1)
    }
}

/// A literal the verifier must refuse.
pub fn bad_literal(e: &mut Entropy, atoms: u32) -> Literal {
    match e.below(12) {
        0 => Literal::Float(e.pick(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY])),
        1 => Literal::Atom(atoms + e.below(3)),
        2 => Literal::BigInt {
            negative: e.flip(),
            magnitude: vec![],
        },
        3 => Literal::BigInt {
            negative: e.flip(),
            magnitude: vec![1; 9].into_iter().chain([0]).collect(),
        },
        4 => Literal::BigInt {
            negative: e.flip(),
            magnitude: vec![e.byte() | 1, 0x7f],
        },
        5 => Literal::Bits {
            bits: 16,
            bytes: vec![1, 2],
        },
        6 => Literal::Bits {
            bits: 3,
            bytes: vec![0xff],
        },
        7 => Literal::Bits {
            bits: 9,
            bytes: vec![0],
        },
        8 => Literal::List(vec![], Box::new(Literal::Nil)),
        9 => deep(MAX_LITERAL_DEPTH + 1),
        10 => Literal::Tuple(vec![Literal::Int(0), bad_literal(e, atoms)]),
        _ => Literal::Map(vec![(Literal::Nil, bad_literal(e, atoms))]),
    }
}

/// Tuples nested `depth` levels around `[]`: a literal of that depth.
pub fn deep(depth: usize) -> Literal {
    let mut l = Literal::Nil;
    for _ in 0..depth {
        l = Literal::Tuple(vec![l]);
    }
    l
}

/// Breaks `m` (or not) in 1 to 4 ways chosen by `e`.
pub fn mutate(m: &mut Module, e: &mut Entropy) {
    for _ in 0..1 + e.below(4) {
        mutate_once(m, e);
    }
}

fn mutate_once(m: &mut Module, e: &mut Entropy) {
    let nf = m.functions.len() as u32;
    let fi = e.below(nf) as usize;
    match e.below(14) {
        // An operand of an instruction.
        0..=3 if !m.code.is_empty() => {
            let pc = e.below(m.code.len() as u32) as usize;
            let owner = m
                .functions
                .iter()
                .find(|f| {
                    f.entry as usize <= pc && (pc as u64) < u64::from(f.entry) + u64::from(f.len)
                })
                .cloned();
            let v = interesting(e, m, owner.as_ref());
            let k = e.byte() as usize;
            m.code[pc] = with_operand(m.code[pc], k, v);
        }
        // Two instructions swap places.
        4 if !m.code.is_empty() => {
            let a = e.below(m.code.len() as u32) as usize;
            let b = e.below(m.code.len() as u32) as usize;
            m.code.swap(a, b);
        }
        // An instruction more or less.
        5 if !m.code.is_empty() => {
            let a = e.below(m.code.len() as u32) as usize;
            if e.flip() {
                m.code.remove(a);
            } else {
                m.code
                    .insert(a, m.code[e.below(m.code.len() as u32) as usize]);
            }
        }
        // A field of a function.
        6 if nf > 0 => {
            let v = interesting(e, m, m.functions.get(fi));
            let g = &mut m.functions[fi];
            match e.below(6) {
                0 => g.entry = v,
                1 => g.len = v,
                2 => g.regs = v as u16,
                3 => g.arity = v as u8,
                4 => g.name = v,
                _ => g.exported = !g.exported,
            }
        }
        // A function twice, or one less.
        7 if nf > 0 => {
            if e.flip() {
                let g = m.functions[fi].clone();
                m.functions.push(g);
            } else {
                m.functions.remove(fi);
            }
        }
        // A handler's range or target, a new handler, handlers in another order.
        8 | 9 if nf > 0 => {
            let v = interesting(e, m, m.functions.get(fi));
            let g = &mut m.functions[fi];
            let nh = g.handlers.len() as u32;
            match e.below(5) {
                0 if nh > 0 => g.handlers[e.below(nh) as usize].start = v,
                1 if nh > 0 => g.handlers[e.below(nh) as usize].end = v,
                2 if nh > 0 => g.handlers[e.below(nh) as usize].target = v,
                3 if nh > 1 => g.handlers.swap(e.below(nh) as usize, e.below(nh) as usize),
                _ => {
                    let start = g.entry.wrapping_add(e.below(g.len));
                    let end = start.wrapping_add(1 + e.below(g.len));
                    let at = e.below(nh + 1) as usize;
                    g.handlers.insert(
                        at,
                        Handler {
                            start,
                            end,
                            target: v,
                        },
                    );
                }
            }
        }
        // A constant.
        10 => {
            let l = bad_literal(e, m.atoms.len() as u32);
            if m.literals.is_empty() || e.flip() {
                m.literals.push(l);
            } else {
                let i = e.below(m.literals.len() as u32) as usize;
                m.literals[i] = if let Literal::Tuple(items) = &m.literals[i] {
                    // Likely a bs_build spec: one segment's flags go bad.
                    let mut items = items.clone();
                    items.push(Literal::Int(interesting(e, m, None) as i64));
                    items.swap_remove(e.below(items.len() as u32) as usize);
                    Literal::Tuple(items)
                } else {
                    l
                };
            }
        }
        // An import.
        11 if !m.imports.is_empty() => {
            let v = interesting(e, m, None);
            let i = e.below(m.imports.len() as u32) as usize;
            match e.below(3) {
                0 => m.imports[i].arity = v as u8,
                1 => m.imports[i].module = v,
                _ => m.imports[i].name = v,
            }
        }
        // An atom, or the module's name.
        12 => {
            if e.flip() || m.atoms.is_empty() {
                m.name = interesting(e, m, None);
            } else {
                let i = e.below(m.atoms.len() as u32) as usize;
                m.atoms[i] = e.pick(&["x", "ü"]).repeat(255 + e.below(3) as usize);
            }
        }
        // Tables lose their last entry.
        _ => match e.below(3) {
            0 => {
                let _ = m.literals.pop();
            }
            1 => {
                let _ = m.imports.pop();
            }
            _ => {
                let _ = m.atoms.pop();
            }
        },
    }
}
