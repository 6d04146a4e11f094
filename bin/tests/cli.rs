//! The `vm` command run as a process: exit statuses and what it prints, as insta
//! snapshots.

use std::process::Command;

fn vm(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_vm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the vm binary runs");
    format!(
        "status: {}\n--- stdout\n{}--- stderr\n{}",
        out.status
            .code()
            .map_or("signal".to_owned(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn version() {
    insta::assert_snapshot!(vm(&["--version"]));
}

#[test]
fn a_missing_file_is_reported_as_elixir_does() {
    // `elixir nosuch.exs` prints this line on stderr and exits with 1.
    insta::assert_snapshot!(vm(&["nosuch.exs"]));
}

#[test]
fn hello_world_runs() {
    insta::assert_snapshot!(vm(&["../examples/hello.exs"]));
}

#[test]
fn a_runtime_error_is_reported_on_stderr_with_status_1() {
    // Elixir prints the same banner and frames (plus one of its own `lib/code.ex` frame).
    insta::assert_snapshot!(vm(&["tests/fixtures/runtime_error.exs"]));
}

#[test]
fn an_uncaught_throw_is_reported() {
    insta::assert_snapshot!(vm(&["tests/fixtures/uncaught_throw.exs"]));
}

#[test]
fn a_syntax_error_stops_the_script_with_status_1() {
    insta::assert_snapshot!(vm(&["tests/fixtures/syntax_error.exs.bad"]));
}

#[test]
fn an_undefined_function_is_a_compile_error() {
    insta::assert_snapshot!(vm(&["tests/fixtures/undefined_function.exs"]));
}

#[test]
fn disasm_prints_the_bytecode() {
    insta::assert_snapshot!(vm(&["disasm", "tests/fixtures/runtime_error.exs"]));
}

#[test]
fn disasm_of_a_missing_file() {
    insta::assert_snapshot!(vm(&["disasm", "nosuch.exs"]));
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    insta::assert_snapshot!(vm(&["--no-such-flag"]));
}

#[test]
fn check_accepts_a_valid_program() {
    insta::assert_snapshot!(vm(&[
        "check",
        "../bench/fib.exs",
        "../bench/mandelbrot.exs"
    ]));
}

#[test]
fn check_reports_a_syntax_error_with_a_snippet() {
    insta::assert_snapshot!(vm(&["check", "tests/fixtures/syntax_error.exs.bad"]));
}

#[test]
fn check_names_unsupported_constructs() {
    insta::assert_snapshot!(vm(&["check", "tests/fixtures/macro.exs"]));
}

#[test]
fn check_reports_a_missing_file() {
    insta::assert_snapshot!(vm(&["check", "nosuch.exs"]));
}

#[test]
fn check_reports_several_syntax_errors_in_one_file() {
    insta::assert_snapshot!(vm(&["check", "tests/fixtures/several_errors.exs.bad"]));
}

#[test]
fn script_arguments_reach_system_argv() {
    // `elixir tests/fixtures/argv.exs a -b "c d"` prints ["a", "-b", "c d"].
    insta::assert_snapshot!(vm(&["tests/fixtures/argv.exs", "a", "-b", "c d"]));
}
