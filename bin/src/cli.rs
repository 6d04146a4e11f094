//! Argument parsing and dispatch for the `vm` command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Beamlet: a small BEAM that runs a subset of Elixir.
///
/// `vm FILE.exs [ARGS...]` runs a script, as `elixir FILE.exs` does.
#[derive(Debug, Parser)]
#[command(name = "vm", version, about)]
pub struct Cli {
    /// The script to run.
    pub file: Option<PathBuf>,
    /// Arguments passed to the script (`System.argv/0`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// Parses the command line and runs it; the exit status follows `elixir`'s.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.file {
        Some(file) => run_script(&file),
        None => {
            eprintln!("vm: the REPL is not built yet (issue 8); give a script to run");
            ExitCode::from(2)
        }
    }
}

fn run_script(file: &std::path::Path) -> ExitCode {
    if !file.exists() {
        // What `elixir nosuch.exs` prints, with its exit status.
        eprintln!("No file named {}", file.display());
        return ExitCode::from(1);
    }
    eprintln!(
        "vm: cannot run {}: the compiler and the interpreter are not built yet \
         (issues 3 and 4); see README.md, \"Status\"",
        file.display()
    );
    ExitCode::from(2)
}
