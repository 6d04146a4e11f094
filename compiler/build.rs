//! Generates the parser from `src/grammar.lalrpop` into OUT_DIR.
fn main() {
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .emit_rerun_directives(true)
        .process_file("src/grammar.lalrpop")
        .unwrap_or_else(|e| panic!("lalrpop failed on src/grammar.lalrpop: {e}"));
}
