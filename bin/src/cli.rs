//! Argument parsing and dispatch for the `vm` command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Beamlet: a small BEAM that runs a subset of Elixir.
///
/// `vm FILE.exs [ARGS...]` runs a script, as `elixir FILE.exs` does.
#[derive(Debug, Parser)]
#[command(name = "vm", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A subcommand; without one, FILE is run as a script.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Scheduler threads (default: one per core), like `elixir --erl "+S N"`.
    #[arg(long, value_name = "N")]
    pub schedulers: Option<usize>,
    /// The most processes alive at once (default 262144), like `elixir --erl "+P N"`.
    #[arg(long, value_name = "N")]
    pub process_limit: Option<usize>,
    /// Emulator flags as `elixir --erl` takes them: `+S N` (schedulers; also `N:M`)
    /// and `+P N` (process limit). Others are ignored.
    #[arg(long, value_name = "FLAGS", allow_hyphen_values = true)]
    pub erl: Option<String>,
    /// The script to run.
    pub file: Option<PathBuf>,
    /// Arguments passed to the script (`System.argv/0`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile files without running them.
    ///
    /// Exits with 0 when every file is clean, 1 with the diagnostics on stderr otherwise.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compile a script and print the bytecode of each module it defines.
    Disasm {
        /// The script.
        file: PathBuf,
    },
}

/// Parses the command line and runs it; the exit status follows `elixir`'s.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match (cli.command, cli.file) {
        (Some(Command::Check { files }), _) => check(&files),
        (Some(Command::Disasm { file }), _) => disasm(&file),
        (None, Some(file)) => {
            if let Err(e) = runtime_flags(cli.schedulers, cli.process_limit, cli.erl.as_deref()) {
                eprintln!("vm: {e}");
                return ExitCode::from(2);
            }
            beamlet_vm::natives::os::set_argv(cli.args);
            run_script(&file)
        }
        (None, None) => {
            eprintln!("vm: the REPL is not built yet (issue 8); give a script to run");
            ExitCode::from(2)
        }
    }
}

/// Applies `--schedulers`, `--process-limit` and the `+S`/`+P` flags of `--erl`.
fn runtime_flags(
    schedulers: Option<usize>,
    limit: Option<usize>,
    erl: Option<&str>,
) -> Result<(), String> {
    let (mut schedulers, mut limit) = (schedulers, limit);
    if let Some(flags) = erl {
        let words: Vec<&str> = flags.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            let (flag, inline) = words[i].split_at(words[i].len().min(2));
            let value = |i: &mut usize| -> Result<String, String> {
                if !inline.is_empty() {
                    return Ok(inline.to_string());
                }
                *i += 1;
                words
                    .get(*i)
                    .map(|s| s.to_string())
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            match flag {
                "+S" => {
                    let v = value(&mut i)?;
                    let n = v.split(':').next().unwrap_or("");
                    schedulers = Some(n.parse().map_err(|_| format!("bad +S value: {v}"))?);
                }
                "+P" => {
                    let v = value(&mut i)?;
                    limit = Some(v.parse().map_err(|_| format!("bad +P value: {v}"))?);
                }
                _ => {}
            }
            i += 1;
        }
    }
    if let Some(n) = schedulers {
        if !(1..=1024).contains(&n) {
            return Err(format!(
                "the number of schedulers must be 1 to 1024, not {n}"
            ));
        }
        beamlet_vm::sched::set_schedulers(n);
    }
    if let Some(n) = limit {
        beamlet_vm::sched::set_process_limit(n);
    }
    Ok(())
}

/// Reads a source file; the error is what to print.
fn read_source(file: &std::path::Path) -> Result<String, String> {
    let name = file.display();
    match std::fs::read(file) {
        Ok(bytes) => {
            String::from_utf8(bytes).map_err(|_| format!("{name}: the file is not valid UTF-8"))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(format!("No file named {name}")),
        Err(e) => Err(format!("{name}: {e}")),
    }
}

/// `vm disasm FILE`.
fn disasm(file: &std::path::Path) -> ExitCode {
    let src = match read_source(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let name = file.display().to_string();
    match beamlet_vm::runtime::compile(&src, &name) {
        Ok(mods) => {
            for (i, m) in mods.iter().enumerate() {
                if i > 0 {
                    println!();
                }
                print!("{}", beamlet_bytecode::disasm::module(m));
            }
            ExitCode::SUCCESS
        }
        Err(f) => {
            eprint!("{}", f.render(&name, &src));
            ExitCode::from(1)
        }
    }
}

/// `vm check FILE...`.
fn check(files: &[PathBuf]) -> ExitCode {
    let mut clean = true;
    for file in files {
        let name = file.display().to_string();
        let src = match read_source(file) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                clean = false;
                continue;
            }
        };
        if let Err(f) = beamlet_vm::runtime::compile(&src, &name) {
            eprint!("{}", f.render(&name, &src));
            clean = false;
        }
    }
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run_script(file: &std::path::Path) -> ExitCode {
    // A missing file reads as `elixir nosuch.exs` reports it, with its exit status.
    let src = match read_source(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let name = file.display().to_string();
    match beamlet_vm::runtime::run_script(&src, &name) {
        beamlet_vm::runtime::Outcome::Done => ExitCode::SUCCESS,
        beamlet_vm::runtime::Outcome::Exited(status) => ExitCode::from(status as u8),
        beamlet_vm::runtime::Outcome::CompileError(e)
        | beamlet_vm::runtime::Outcome::Crashed(e) => {
            eprint!("{e}");
            ExitCode::from(1)
        }
    }
}
