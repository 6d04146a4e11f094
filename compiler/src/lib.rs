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

/// Compiles a source file into verified bytecode modules, the script module
/// ([`expand::SCRIPT_MODULE`]) last. Errors are diagnostics with spans into `src`.
pub fn compile(src: &str, file: &str) -> Result<Vec<beamlet_bytecode::Module>, Vec<diagnostic::Diagnostic>> {
    let ast = parser::parse_all(src)?;
    let unsupported = subset::unsupported(&ast);
    if !unsupported.is_empty() {
        return Err(unsupported);
    }
    let expanded = expand::expand_file(src, &ast)?;
    let mut out = Vec::with_capacity(expanded.modules.len());
    for m in &expanded.modules {
        let bc = codegen::module(m, file, src).map_err(|d| vec![d])?;
        if let Err(e) = beamlet_bytecode::verify(&bc) {
            return Err(vec![diagnostic::Diagnostic {
                message: format!("internal error: the compiler made an invalid module: {e}"),
                start: 0,
                end: 0,
                hint: None,
                incomplete: false,
            }]);
        }
        out.push(bc);
    }
    Ok(out)
}
