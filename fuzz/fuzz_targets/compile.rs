//! The whole compiler never panics, and every module it emits passes the verifier (it
//! reports a module the verifier rejects as an "internal error": that is a bug).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        if let Err(ds) = beamlet_compiler::compile(src, "fuzz.exs") {
            for d in ds {
                assert!(
                    !d.message.starts_with("internal error"),
                    "{}\n--\n{src}",
                    d.message
                );
            }
        }
    }
});
