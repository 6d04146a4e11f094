//! # beamlet-compiler
//!
//! Turns source in Beamlet's subset of Elixir into verified bytecode modules: a logos lexer
//! with modes for interpolation and sigils ([`lexer`]), a lalrpop grammar close to Elixir's
//! own ([`parser`]), an AST with a span on every node ([`ast`]), diagnostics with
//! `file:line:column`, a snippet and a hint ([`diagnostic`]); later the expansion of the
//! built-in forms, a small Core IR, pattern compilation to decision trees, register
//! allocation and code generation into [`beamlet_bytecode`] modules. The compiler never
//! panics on hostile source.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![deny(clippy::unwrap_used, clippy::indexing_slicing)]

pub mod ast;
pub mod codegen;
pub mod core;
pub mod diagnostic;
pub mod expand;
pub mod lexer;
pub mod parser;
pub mod printer;
pub mod subset;
pub mod token;

/// The bytecode format version this compiler emits.
pub const EMITS_FORMAT_VERSION: u32 = beamlet_bytecode::FORMAT_VERSION;

/// Why a file did not compile.
#[derive(Clone, Debug)]
pub struct Failure {
    /// True when the file does not parse (Elixir's `SyntaxError`), false for the later
    /// stages (`CompileError`).
    pub syntax: bool,
    /// The errors, in source order where possible.
    pub diagnostics: Vec<diagnostic::Diagnostic>,
}

impl Failure {
    /// The report as `elixir` starts it (`** (SyntaxError) file:line:col: message` or
    /// `** (CompileError) file:line: message`), each error followed by its snippet.
    pub fn render(&self, file: &str, src: &str) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let (line, col) = diagnostic::line_col(src, d.start);
            if self.syntax {
                out.push_str(&format!(
                    "** (SyntaxError) {file}:{line}:{col}: {}\n",
                    d.message
                ));
            } else {
                out.push_str(&format!("** (CompileError) {file}:{line}: {}\n", d.message));
            }
            out.push_str(&d.render(file, src));
        }
        out
    }
}

/// Compiles a source file into verified bytecode modules, the script module
/// ([`expand::SCRIPT_MODULE`]) last. Modules outside the file are unknown to `import`.
pub fn compile_file(src: &str, file: &str) -> Result<Vec<beamlet_bytecode::Module>, Failure> {
    compile_with(src, file, &|_| None)
}

/// [`compile_file`], asking `exports` what modules outside the file export (for `import`).
pub fn compile_with(
    src: &str,
    file: &str,
    exports: expand::Exports<'_>,
) -> Result<Vec<beamlet_bytecode::Module>, Failure> {
    compile_inner(src, file, exports, None)
}

/// Compiles code to evaluate (a REPL line, an embedder's `eval`): its modules, then the
/// module `module` whose [`expand::EVAL_FUN`]`/1` runs the top-level code with the
/// variables of `env` bound (see [`expand::expand_eval`]). `env` is updated only when the
/// code compiles.
pub fn compile_eval(
    src: &str,
    file: &str,
    exports: expand::Exports<'_>,
    env: &mut expand::EvalEnv,
    module: &str,
) -> Result<Vec<beamlet_bytecode::Module>, Failure> {
    let mut next = env.clone();
    let out = compile_inner(src, file, exports, Some((&mut next, module)))?;
    *env = next;
    Ok(out)
}

fn compile_inner(
    src: &str,
    file: &str,
    exports: expand::Exports<'_>,
    eval: Option<(&mut expand::EvalEnv, &str)>,
) -> Result<Vec<beamlet_bytecode::Module>, Failure> {
    let syntax = |diagnostics| Failure {
        syntax: true,
        diagnostics,
    };
    let semantic = |diagnostics| Failure {
        syntax: false,
        diagnostics,
    };
    let ast = parser::parse_all(src).map_err(syntax)?;
    let unsupported = subset::unsupported(&ast);
    if !unsupported.is_empty() {
        return Err(semantic(unsupported));
    }
    let expanded = match eval {
        None => expand::expand_file(src, &ast, exports),
        Some((env, name)) => expand::expand_eval(src, &ast, exports, env).map(|mut e| {
            if let Some(m) = e.modules.last_mut() {
                m.name = name.to_string();
            }
            e
        }),
    }
    .map_err(semantic)?;
    let mut out = Vec::with_capacity(expanded.modules.len());
    for m in &expanded.modules {
        let bc = codegen::module(m, file, src).map_err(|d| semantic(vec![d]))?;
        if let Err(e) = beamlet_bytecode::verify(&bc) {
            return Err(semantic(vec![diagnostic::Diagnostic {
                message: format!("internal error: the compiler made an invalid module: {e}"),
                start: 0,
                end: 0,
                hint: None,
                incomplete: false,
            }]));
        }
        out.push(bc);
    }
    Ok(out)
}

/// [`compile_file`] with the errors alone.
pub fn compile(
    src: &str,
    file: &str,
) -> Result<Vec<beamlet_bytecode::Module>, Vec<diagnostic::Diagnostic>> {
    compile_file(src, file).map_err(|f| f.diagnostics)
}
