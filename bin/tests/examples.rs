//! The example programs (`examples/*.exs`) print exactly what real Elixir printed for them
//! (`examples/NAME.out`, made by `examples/regen.sh`) and exit with status 0, with one
//! scheduler and with four.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

#[test]
fn every_example_prints_what_elixir_prints() {
    let mut names: Vec<PathBuf> = std::fs::read_dir(examples())
        .expect("examples/ is there")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "exs"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "examples/ holds the seed examples");
    let mut failures = Vec::new();
    for path in &names {
        let expected = std::fs::read_to_string(path.with_extension("out"))
            .unwrap_or_else(|_| panic!("{} has no .out: run examples/regen.sh", path.display()));
        for schedulers in ["1", "4"] {
            let out = Command::new(env!("CARGO_BIN_EXE_vm"))
                .args(["--schedulers", schedulers])
                .arg(path.file_name().expect("a file name"))
                .current_dir(examples())
                .stdin(Stdio::null())
                .output()
                .expect("the vm binary runs");
            let stdout = String::from_utf8_lossy(&out.stdout);
            if stdout != expected || !out.status.success() {
                failures.push(format!(
                    "{} (--schedulers {schedulers}): status {:?}\n--- expected\n{expected}--- got\n{stdout}--- stderr\n{}",
                    path.display(),
                    out.status.code(),
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
