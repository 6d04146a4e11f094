//! The parser never panics, and what it accepts prints back to the same tree.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        if let Ok(ast) = beamlet_compiler::parser::parse(src) {
            let printed = beamlet_compiler::printer::print_file(&ast);
            match beamlet_compiler::parser::parse(&printed) {
                Ok(again) => assert!(again.same(&ast), "round trip changed the tree:\n{src}\n--\n{printed}"),
                Err(d) => panic!("printed source does not parse ({}):\n{src}\n--\n{printed}", d.message),
            }
        }
    }
});
