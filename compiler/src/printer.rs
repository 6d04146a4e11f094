//! Prints an AST back to source that parses to the same AST: `parse(print(e))` equals `e`
//! (spans aside). It parenthesises every compound operand rather than reproduce the
//! original layout, so the output is valid Elixir but not pretty; it is for tests, tools
//! and error messages, not a formatter.

use std::fmt::Write;

use crate::ast::{Callee, Clause, Expr, ExprKind, Op, Segment};

/// Prints a whole file: a top-level block is one statement per line.
pub fn print_file(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Block(v) if !v.is_empty() => {
            let mut out = String::new();
            for x in v {
                out.push_str(&print(x));
                out.push('\n');
            }
            out
        }
        _ => {
            let mut s = print(e);
            s.push('\n');
            s
        }
    }
}

/// Prints one expression.
pub fn print(e: &Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, e);
    out
}

fn write_list(out: &mut String, items: &[Expr]) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, x);
    }
}

fn write_enclosed(out: &mut String, open: &str, items: &[Expr], close: &str) {
    out.push_str(open);
    write_list(out, items);
    out.push_str(close);
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    let first_ok = matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_lowercase());
    let body: Vec<char> = s.chars().collect();
    let n = body.len();
    first_ok
        && body.iter().enumerate().all(|(i, &c)| {
            c == '_' || c.is_ascii_alphanumeric() || (i + 1 == n && i > 0 && (c == '?' || c == '!'))
        })
}

fn is_alias_atom(s: &str) -> bool {
    !s.contains('.')
        && s.split('.').all(|seg| {
            let mut cs = seg.chars();
            matches!(cs.next(), Some(c) if c.is_ascii_uppercase())
                && cs.all(|c| c == '_' || c.is_ascii_alphanumeric())
        })
}

fn write_atom(out: &mut String, name: &str) {
    match name {
        "true" | "false" | "nil" => out.push_str(name),
        _ if is_identifier(name) || is_alias_atom(name) => {
            out.push(':');
            out.push_str(name);
        }
        _ => {
            out.push_str(":\"");
            escape_into(out, name, '"');
            out.push('"');
        }
    }
}

/// Escapes `s` for a string (or charlist, with `quote` = `'`) literal.
fn escape_into(out: &mut String, s: &str, quote: char) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '#' if chars.peek() == Some(&'{') => out.push_str("\\#"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:X}}}", c as u32);
            }
            c => match crate::lexer::literal_byte(c) {
                Some(b) => {
                    let _ = write!(out, "\\x{b:02X}");
                }
                None => out.push(c),
            },
        }
    }
}

fn write_segments(out: &mut String, parts: &[Segment], quote: char) {
    for p in parts {
        match p {
            Segment::Lit(s) => escape_into(out, s, quote),
            Segment::Interp(e) => {
                out.push_str("#{");
                write_expr(out, e);
                out.push('}');
            }
        }
    }
}

fn closing(delim: &str) -> &str {
    match delim {
        "(" => ")",
        "[" => "]",
        "{" => "}",
        "<" => ">",
        d => d,
    }
}

/// `?a`, or `?` and an escape for characters that need one.
fn write_char(out: &mut String, c: u32) {
    out.push('?');
    match char::from_u32(c) {
        Some('\n') => out.push_str("\\n"),
        Some('\t') => out.push_str("\\t"),
        Some('\r') => out.push_str("\\r"),
        Some(' ') => out.push_str("\\s"),
        Some('\\') => out.push_str("\\\\"),
        Some('\0') => out.push_str("\\0"),
        // Elixir's `?` takes only the named escapes above; any other character, a control
        // character too, is written as itself.
        Some(ch) => out.push(ch),
        None => {
            let _ = write!(out, "{c}");
        }
    }
}

fn write_float(out: &mut String, f: f64) {
    // Elixir wants digits on both sides of the point: 1.0e300, not 1e300.
    let s = format!("{f:?}");
    match s.split_once('e') {
        Some((mantissa, exp)) if !mantissa.contains('.') => {
            let _ = write!(out, "{mantissa}.0e{exp}");
        }
        _ => out.push_str(&s),
    }
}

fn write_clauses(out: &mut String, clauses: &[Clause]) {
    for (i, c) in clauses.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if c.args.is_empty() {
            out.push_str("()");
        } else {
            write_list(out, &c.args);
        }
        out.push_str(" -> ");
        write_expr(out, &c.body);
    }
}

fn write_callee(out: &mut String, callee: &Callee) {
    match callee {
        Callee::Local(name) => out.push_str(name),
        Callee::Remote(base, name) => {
            out.push('(');
            write_expr(out, base);
            out.push_str(").");
            if is_identifier(name) {
                out.push_str(name);
            } else {
                // `Mod."any name"(...)`
                out.push('"');
                escape_into(out, name, '"');
                out.push('"');
            }
        }
        Callee::Anonymous(f) => {
            out.push('(');
            write_expr(out, f);
            out.push_str(").");
        }
        Callee::Expr(inner) => write_expr(out, inner),
    }
}

fn write_expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Int(i) => {
            let _ = write!(out, "{i}");
        }
        ExprKind::Float(f) => write_float(out, *f),
        ExprKind::Char(c) => write_char(out, *c),
        ExprKind::Atom(a) => write_atom(out, a),
        ExprKind::AtomInterp(parts) => {
            out.push_str(":\"");
            write_segments(out, parts, '"');
            out.push('"');
        }
        ExprKind::String(parts) => {
            out.push('"');
            write_segments(out, parts, '"');
            out.push('"');
        }
        ExprKind::Charlist(parts) => {
            out.push('\'');
            write_segments(out, parts, '\'');
            out.push('\'');
        }
        ExprKind::Sigil(sigil) => {
            let crate::ast::Sigil {
                name,
                parts,
                modifiers,
                delimiter,
            } = &**sigil;
            let _ = write!(out, "~{name}{delimiter}");
            let heredoc = delimiter.chars().count() == 3;
            let raw = name.starts_with(|c: char| c.is_ascii_uppercase()) || name == "r";
            if heredoc {
                out.push('\n');
            }
            for p in parts {
                match p {
                    // Uppercase sigils and regexes keep their text as written; a heredoc
                    // keeps its newlines.
                    Segment::Lit(t) if raw => {
                        let close = closing(delimiter).chars().next().unwrap_or('"');
                        for c in t.chars() {
                            match c {
                                c if c == close && !heredoc => {
                                    out.push('\\');
                                    out.push(c);
                                }
                                // `~r` reads `\n` as a newline; uppercase sigils
                                // keep a newline as written.
                                '\n' if !heredoc && name == "r" => out.push_str("\\n"),
                                c => out.push(c),
                            }
                        }
                    }
                    Segment::Lit(t) if heredoc => {
                        for line in t.split_inclusive('\n') {
                            let (body, nl) = match line.strip_suffix('\n') {
                                Some(b) => (b, "\n"),
                                None => (line, ""),
                            };
                            escape_into(out, body, '\0');
                            out.push_str(nl);
                        }
                    }
                    Segment::Lit(t) => {
                        escape_into(out, t, closing(delimiter).chars().next().unwrap_or('"'))
                    }
                    Segment::Interp(e) => {
                        out.push_str("#{");
                        write_expr(out, e);
                        out.push('}');
                    }
                }
            }
            if heredoc && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(closing(delimiter));
            out.push_str(modifiers);
        }
        ExprKind::Var(name) => out.push_str(name),
        ExprKind::Alias { base, segments } => {
            if let Some(b) = base {
                out.push('(');
                write_expr(out, b);
                out.push_str(").");
            }
            out.push_str(&segments.join("."));
        }
        ExprKind::List(items) => write_enclosed(out, "[", items, "]"),
        ExprKind::Tuple(items) => write_enclosed(out, "{", items, "}"),
        ExprKind::Bitstring(items) => {
            if items.is_empty() {
                out.push_str("<<>>");
            } else {
                // Spaces keep `<< <<1>> >>` from reading as `<<<`.
                write_enclosed(out, "<< ", items, " >>");
            }
        }
        ExprKind::Map { update, pairs } => {
            out.push_str("%{");
            write_map_body(out, update.as_deref(), pairs);
            out.push('}');
        }
        ExprKind::Struct { name, map } => {
            out.push('%');
            match &name.kind {
                ExprKind::UnaryOp {
                    op: Op::At,
                    operand,
                } => {
                    out.push('@');
                    write_expr(out, operand);
                }
                _ => write_expr(out, name),
            }
            out.push('{');
            if let ExprKind::Map { update, pairs } = &map.kind {
                write_map_body(out, update.as_deref(), pairs);
            }
            out.push('}');
        }
        ExprKind::BinOp { op, left, right } => {
            out.push('(');
            if *op == Op::Div && ends_in_operator_name(left) {
                // An operator used as a name (`&!/1`) is only read as one when the `/`
                // follows it directly, with no parenthesis in between.
                write_spine_open(out, left);
                out.push('/');
            } else {
                write_expr(out, left);
                let _ = write!(out, " {} ", op.as_str());
            }
            write_expr(out, right);
            out.push(')');
        }
        ExprKind::UnaryOp {
            op: Op::Not,
            operand,
        } if is_in(operand) => {
            // `not(a in b)` is how `a not in b` parses.
            if let ExprKind::BinOp { left, right, .. } = &operand.kind {
                out.push('(');
                write_expr(out, left);
                out.push_str(" not in ");
                write_expr(out, right);
                out.push(')');
            }
        }
        ExprKind::UnaryOp { op, operand } => {
            out.push('(');
            out.push_str(op.as_str());
            if matches!(op, Op::Not) {
                out.push(' ');
            }
            write_expr(out, operand);
            out.push(')');
        }
        ExprKind::NullaryOp(op) => out.push_str(op.as_str()),
        ExprKind::RangeStep { first, last, step } => {
            out.push('(');
            write_expr(out, first);
            out.push_str("..");
            write_expr(out, last);
            out.push_str("//");
            write_expr(out, step);
            out.push(')');
        }
        ExprKind::Call {
            callee,
            args,
            parens,
        } => {
            if let Some((last, rest)) = args.split_last() {
                if let Some(blocks) = do_blocks(last) {
                    // `f([do: 1])` and `f do 1 end` are the same tree; with parentheses and
                    // no `->` clauses, the keyword list inside them is the safer print.
                    let clauses = blocks
                        .iter()
                        .any(|(_, e)| matches!(e.kind, ExprKind::Clauses(_)));
                    if !*parens || clauses || !rest.is_empty() {
                        write_do_call(out, callee, rest, *parens, &blocks);
                        return;
                    }
                }
            }
            if let Callee::Remote(base, name) = callee {
                if name == "{}" {
                    // `Base.{A, B}` (multi-alias).
                    out.push('(');
                    write_expr(out, base);
                    out.push_str(").{");
                    write_list(out, args);
                    out.push('}');
                    return;
                }
            }
            if *parens || matches!(callee, Callee::Anonymous(_) | Callee::Expr(_)) {
                write_callee(out, callee);
                out.push('(');
                write_list(out, args);
                out.push(')');
            } else if args.is_empty() {
                write_callee(out, callee);
            } else {
                out.push('(');
                write_callee(out, callee);
                out.push(' ');
                write_list(out, args);
                out.push(')');
            }
        }
        ExprKind::Access { expr, key } => {
            out.push('(');
            write_expr(out, expr);
            out.push_str(")[");
            write_expr(out, key);
            out.push(']');
        }
        ExprKind::Fn(clauses) => {
            out.push_str("fn ");
            write_clauses(out, clauses);
            out.push_str(" end");
        }
        ExprKind::Clauses(clauses) => {
            out.push('(');
            write_clauses(out, clauses);
            out.push(')');
        }
        ExprKind::Block(items) => {
            out.push('(');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                write_expr(out, x);
            }
            out.push(')');
        }
    }
}

/// The sections of a do-block, if `e` is a keyword list that one could have produced.
fn do_blocks(e: &Expr) -> Option<Vec<(&str, &Expr)>> {
    let ExprKind::List(items) = &e.kind else {
        return None;
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let ExprKind::Tuple(kv) = &item.kind else {
            return None;
        };
        let [k, v] = &kv[..] else { return None };
        let ExprKind::Atom(name) = &k.kind else {
            return None;
        };
        let ok = if i == 0 {
            name == "do"
        } else {
            matches!(name.as_str(), "else" | "after" | "catch" | "rescue")
        };
        if !ok {
            return None;
        }
        out.push((name.as_str(), v));
    }
    (!out.is_empty()).then_some(out)
}

/// `callee args do ... end`: clauses with several arguments can only be written this way.
fn write_do_call(
    out: &mut String,
    callee: &Callee,
    args: &[Expr],
    parens: bool,
    blocks: &[(&str, &Expr)],
) {
    out.push('(');
    write_callee(out, callee);
    if parens {
        out.push('(');
        write_list(out, args);
        out.push(')');
    } else if !args.is_empty() {
        out.push(' ');
        write_list(out, args);
    }
    for (name, body) in blocks {
        let _ = writeln!(out, " {name}");
        match &body.kind {
            ExprKind::Clauses(cs) => write_clauses(out, cs),
            ExprKind::Block(items) if items.is_empty() => {}
            _ => write_expr(out, body),
        }
        out.push('\n');
    }
    out.push_str("end)");
}

/// True when `e` is an operator used as a name (`!` in `&!/1`, `not` in `&not/1`).
fn is_operator_name(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Var(n)
        if !is_identifier(n) || matches!(n.as_str(), "not" | "and" | "or" | "in" | "when"))
}

/// True when the rightmost leaf of `e` is an operator used as a name. The parser only
/// makes such a leaf where a `/` followed it in the source (`&+/2`, `a * +/b`).
fn ends_in_operator_name(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::BinOp { right, .. } => ends_in_operator_name(right),
        ExprKind::UnaryOp { operand, .. } => ends_in_operator_name(operand),
        _ => is_operator_name(e),
    }
}

/// Writes `e` with no parenthesis along its right edge, so that the operator name it ends
/// in is followed directly by the `/` the caller writes next. This reads back as the same
/// tree because the parser only builds such trees from text that had no parentheses there.
fn write_spine_open(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::BinOp { op, left, right } => {
            if *op == Op::Div && ends_in_operator_name(left) {
                write_spine_open(out, left);
                out.push('/');
            } else {
                write_expr(out, left);
                let _ = write!(out, " {} ", op.as_str());
            }
            write_spine_open(out, right);
        }
        ExprKind::UnaryOp { op, operand } => {
            out.push_str(op.as_str());
            if matches!(op, Op::Not) {
                out.push(' ');
            }
            write_spine_open(out, operand);
        }
        _ => write_expr(out, e),
    }
}

fn is_in(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::BinOp { op: Op::In, .. })
}

fn write_map_body(out: &mut String, update: Option<&Expr>, pairs: &[(Expr, Expr)]) {
    if let Some(u) = update {
        write_expr(out, u);
        out.push_str(" | ");
    }
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, k);
        out.push_str(" => ");
        write_expr(out, v);
    }
}
