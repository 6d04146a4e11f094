//! The `vm` binary: a few lines that hand over to [`beamlet_cli::cli::main`].
fn main() -> std::process::ExitCode {
    beamlet_cli::cli::main()
}
