//! Parses files and prints their AST back as source: `cargo run -p beamlet-compiler --example parse -- FILE...`.
fn main() {
    for f in std::env::args().skip(1) {
        let src = match std::fs::read_to_string(&f) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{f}: {e}");
                continue;
            }
        };
        match beamlet_compiler::parser::parse(&src) {
            Ok(ast) => print!("{}", beamlet_compiler::printer::print_file(&ast)),
            Err(d) => eprint!("{}", d.render(&f, &src)),
        }
    }
}
