//! Dumps the AST of a file in Rust debug form: `cargo run -p beamlet-compiler --example dump -- FILE`.
fn main() {
    for f in std::env::args().skip(1) {
        let src = std::fs::read_to_string(&f).unwrap_or_default();
        match beamlet_compiler::parser::parse(&src) {
            Ok(ast) => println!("{:#?}", ast.without_spans()),
            Err(d) => eprint!("{}", d.render(&f, &src)),
        }
    }
}
