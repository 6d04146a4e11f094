//! Running a program: boot (load the embedded standard library), compile and load a
//! script, run it in a main process, report an uncaught exception as Elixir does.
//!
//! (The embedding API and the schedulers come with later issues; this is what `vm FILE`
//! needs.)

use std::sync::OnceLock;

use crate::atom::Atom;
use crate::code;
use crate::heap::TermAlloc;
use crate::interp::{self, Uncaught};
use crate::process::Process;
use crate::sched::{self, MainExit};
use crate::term::Term;

/// Loads the standard library once. Returns the error of a module that fails to load
/// (a build problem: the library is verified like any module).
pub fn boot() -> Result<(), String> {
    static BOOT: OnceLock<Result<(), String>> = OnceLock::new();
    BOOT.get_or_init(|| {
        for m in beamlet_stdlib::modules() {
            code::load_bytes(m).map_err(|e| format!("standard library: {e}"))?;
        }
        Ok(())
    })
    .clone()
}

/// Compiles `src` as the runtime would before running it (imports of the standard
/// library resolved against the loaded modules).
pub fn compile(
    src: &str,
    file: &str,
) -> Result<Vec<beamlet_bytecode::Module>, beamlet_compiler::Failure> {
    let _ = boot();
    beamlet_compiler::compile_with(src, file, &exports_of)
}

/// How a script ended.
pub enum Outcome {
    /// It ran to the end.
    Done,
    /// It did not compile: the diagnostics, rendered.
    CompileError(String),
    /// An exception escaped: the report Elixir prints on stderr.
    Crashed(String),
    /// It exited with a reason that `elixir` takes as a clean stop: `:normal` and
    /// `:shutdown` (status 0), `{:shutdown, status}` (that status, for an integer; else 0).
    Exited(i32),
}

/// Compiles and runs the script `src` (named `file` in messages and stack traces).
pub fn run_script(src: &str, file: &str) -> Outcome {
    run_inputs(vec![Input::Script {
        src: src.to_string(),
        file: file.to_string(),
    }])
}

/// One thing the `vm` command runs, in order: required files (`-r`), expressions (`-e`),
/// then the script or program file.
pub enum Input {
    /// A file required first (`vm -r FILE`): its modules, then its top-level code.
    Require {
        /// The source.
        src: String,
        /// Its name.
        file: String,
    },
    /// An expression (`vm -e EXPR`), named `nofile` in messages.
    Expr(String),
    /// The script.
    Script {
        /// The source.
        src: String,
        /// Its name.
        file: String,
    },
    /// A program file written by `vm compile`.
    Program {
        /// Its bytes.
        bytes: Vec<u8>,
        /// Its name.
        file: String,
    },
}

/// Runs `inputs` one after the other, each in a main process (processes they spawn live
/// on), and stops at the first that fails.
pub fn run_inputs(inputs: Vec<Input>) -> Outcome {
    if let Err(e) = boot() {
        return Outcome::Crashed(e);
    }
    for input in inputs {
        let (modules, module, fun) = match compile_input(input) {
            Ok(x) => x,
            Err(e) => {
                sched::halt_all();
                return Outcome::CompileError(e);
            }
        };
        for m in modules {
            if let Err(e) = code::load(m) {
                sched::halt_all();
                return Outcome::CompileError(format!("** (CompileError) {e}\n"));
            }
        }
        let module = Atom::intern(&module).unwrap_or(crate::atom::NIL);
        let fun = Atom::intern(fun).unwrap_or(crate::atom::NIL);
        let end = sched::run_main(module, fun, vec![Term::NIL]);
        let outcome = match end {
            MainExit::Returned => continue,
            MainExit::Raised(report, clean) => match clean {
                Some(status) => Outcome::Exited(status),
                None => Outcome::Crashed(report),
            },
            MainExit::Killed(report) => Outcome::Crashed(report),
        };
        crate::natives::flush_stdout();
        sched::halt_all();
        return outcome;
    }
    crate::natives::flush_stdout();
    sched::halt_all();
    Outcome::Done
}

/// The modules of an input and the function that runs its top-level code.
fn compile_input(
    input: Input,
) -> Result<(Vec<beamlet_bytecode::Module>, String, &'static str), String> {
    use beamlet_compiler::expand::{EVAL_FUN, SCRIPT_FUN, SCRIPT_MODULE};
    match input {
        Input::Script { src, file } => {
            let modules = beamlet_compiler::compile_with(&src, &file, &exports_of)
                .map_err(|f| f.render(&file, &src))?;
            Ok((modules, SCRIPT_MODULE.to_string(), SCRIPT_FUN))
        }
        Input::Require { src, file } => {
            let (name, modules) = crate::embed::compile_eval(&src, &file, &mut Default::default())
                .map_err(|f| f.render(&file, &src))?;
            let defined = crate::embed::defined_modules(&modules, &name);
            crate::embed::note_sources(&file, &defined);
            Ok((modules, name, EVAL_FUN))
        }
        Input::Expr(src) => {
            let (name, modules) =
                crate::embed::compile_eval(&src, "nofile", &mut Default::default())
                    .map_err(|f| f.render("nofile", &src))?;
            Ok((modules, name, EVAL_FUN))
        }
        Input::Program { bytes, file } => {
            let modules = beamlet_bytecode::pack::unpack(&bytes)
                .map_err(|e| format!("** (RuntimeError) {file}: {e}\n"))?;
            if modules.last().map(|m| m.name()) != Some(SCRIPT_MODULE) {
                return Err(format!(
                    "** (RuntimeError) {file}: the program file has no top-level code\n"
                ));
            }
            Ok((modules, SCRIPT_MODULE.to_string(), SCRIPT_FUN))
        }
    }
}

/// The exit status of an `exit/1` that `elixir` does not report as an error.
pub(crate) fn clean_exit(u: &Uncaught) -> Option<i32> {
    if u.class != crate::exception::Class::Exit {
        return None;
    }
    let named = |t: Term, name: &str| t.as_atom().is_some_and(|a| a.name() == name);
    if named(u.reason, "normal") || named(u.reason, "shutdown") {
        return Some(0);
    }
    match u.reason.tuple() {
        Some([tag, status]) if named(*tag, "shutdown") => {
            Some(status.as_small().map_or(0, |s| s as i32))
        }
        _ => None,
    }
}

/// The report of an exception that ends a script, made by `Kernel.CLI.format_error/3`
/// as `elixir` makes it (`Exception.format/3` after `Exception.blame/3`: a
/// `FunctionClauseError` lists the arguments), with a plain fallback should that fail too.
pub fn report(p: &mut Process, u: Uncaught) -> String {
    format_with(p, u, "Elixir.Kernel.CLI", "format_error")
}

/// An exception as `Exception.format/3` writes it (a process's crash report: the logger
/// does not blame).
pub fn format_exception(p: &mut Process, u: Uncaught) -> String {
    format_with(p, u, "Elixir.Exception", "format")
}

fn format_with(p: &mut Process, u: Uncaught, module: &str, fun: &str) -> String {
    let kind = Term::atom(u.class.atom());
    let module = Atom::intern(module).unwrap_or(crate::atom::NIL);
    let fun = Atom::intern(fun).unwrap_or(crate::atom::NIL);
    let text = interp::call(p, module, fun, &[kind, u.reason, u.trace])
        .ok()
        .and_then(|t| crate::bif::binaries::iolist_to_binary(p, &[t]).ok());
    match text.and_then(crate::binary::bytes) {
        Some(b) => String::from_utf8_lossy(b).into_owned(),
        None => fallback(u),
    }
}

fn fallback(u: Uncaught) -> String {
    let opts = crate::inspect::InspectOpts::default();
    format!(
        "** ({}) {}\n",
        u.class.atom().name(),
        crate::inspect::inspect(u.reason, &opts)
    )
}

/// Builds a string term (for callers that pass arguments to `interp::call`).
pub fn string(p: &mut Process, s: &str) -> Term {
    p.heap.string(s)
}

/// The exports of a loaded module, for the compiler's `import`.
pub fn exports_of(module: &str) -> Option<Vec<(String, usize)>> {
    let m = code::lookup(Atom::existing(module)?)?;
    Some(
        m.exports
            .keys()
            .map(|(name, arity)| (name.name().to_string(), *arity as usize))
            .collect(),
    )
}
