//! The disassembler: a module as text, the form `vm disasm` prints and the snapshot tests
//! record.

use std::fmt::Write;

use crate::module::{Literal, Module};

/// The whole module as text.
pub fn module(m: &Module) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "module {} ({})", m.name(), m.file);
    if !m.literals.is_empty() {
        out.push_str("constants:\n");
        for (i, l) in m.literals.iter().enumerate() {
            let _ = writeln!(out, "  k{i} = {}", literal(m, l));
        }
    }
    for &(k, v) in &m.attributes {
        let value = m
            .literals
            .get(v as usize)
            .map(|l| literal(m, l))
            .unwrap_or_default();
        let _ = writeln!(out, "attribute {} = {value}", m.atom(k));
    }
    if !m.imports.is_empty() {
        out.push_str("imports:\n");
        for (i, imp) in m.imports.iter().enumerate() {
            let _ = writeln!(
                out,
                "  imp{i} = {}.{}/{}",
                m.atom(imp.module),
                m.atom(imp.name),
                imp.arity
            );
        }
    }
    for (i, f) in m.functions.iter().enumerate() {
        let _ = writeln!(
            out,
            "\nfun{i} {}{}/{} (regs {})",
            if f.exported { "" } else { "private " },
            m.atom(f.name),
            f.arity,
            f.regs
        );
        for h in &f.handlers {
            let _ = writeln!(out, "  try @{}..@{} -> @{}", h.start, h.end, h.target);
        }
        let mut line = None;
        for (off, ins) in m.code_of(f).iter().enumerate() {
            let pc = f.entry + off as u32;
            let l = f.line_of(pc);
            if l != line {
                if let Some(l) = l {
                    let _ = writeln!(out, "  ; line {l}");
                }
                line = l;
            }
            let _ = writeln!(out, "  {pc:>4}: {ins}");
        }
    }
    out
}

/// A constant in Elixir-like notation.
pub fn literal(m: &Module, l: &Literal) -> String {
    let mut s = String::new();
    write_literal(m, l, &mut s, 0);
    s
}

fn write_literal(m: &Module, l: &Literal, s: &mut String, depth: usize) {
    if depth > 64 {
        s.push_str("...");
        return;
    }
    let seq = |items: &[Literal], s: &mut String| {
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            write_literal(m, x, s, depth + 1);
        }
    };
    match l {
        Literal::Int(i) => {
            let _ = write!(s, "{i}");
        }
        Literal::BigInt {
            negative,
            magnitude,
        } => {
            let _ = write!(s, "{}0x", if *negative { "-" } else { "" });
            for b in magnitude.iter().rev() {
                let _ = write!(s, "{b:02x}");
            }
        }
        Literal::Float(f) => {
            let _ = write!(s, "{f:?}");
        }
        Literal::Atom(a) => {
            let _ = write!(s, ":{:?}", m.atom(*a));
        }
        Literal::Binary(b) => {
            let _ = write!(s, "{:?}", String::from_utf8_lossy(b));
        }
        Literal::Bits { bits, bytes } => {
            let _ = write!(s, "<<{bytes:?}::{bits} bits>>");
        }
        Literal::Tuple(items) => {
            s.push('{');
            seq(items, s);
            s.push('}');
        }
        Literal::Nil => s.push_str("[]"),
        Literal::List(items, tail) => {
            s.push('[');
            seq(items, s);
            if !matches!(**tail, Literal::Nil) {
                s.push_str(" | ");
                write_literal(m, tail, s, depth + 1);
            }
            s.push(']');
        }
        Literal::Map(pairs) => {
            s.push_str("%{");
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_literal(m, k, s, depth + 1);
                s.push_str(" => ");
                write_literal(m, v, s, depth + 1);
            }
            s.push('}');
        }
    }
}
