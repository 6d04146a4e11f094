//! The lexer never panics: any UTF-8 gives tokens or a `LexError`.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        let _ = beamlet_compiler::lexer::lex(src);
    }
});
