//! Module files from the fuzzer. The first byte picks a mode:
//!
//! - even: the rest is a module file. Decoding never panics; what decodes re-encodes to
//!   bytes that decode to the same; what verifies satisfies the invariants.
//! - odd: the rest makes a valid module (the property tests' generator) and then breaks it
//!   (flipped operands, counts, swapped instructions, handler ranges, bad constants). It
//!   must still encode and decode; the verifier and an independent statement of what a
//!   valid module is (`vm/bytecode/tests/common/invariants.rs`) must agree on it.
//!
//! Run: `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run bytecode`.
#![no_main]
use beamlet_bytecode::{disasm, verify, Module};
use libfuzzer_sys::fuzz_target;

#[path = "../../vm/bytecode/tests/common/gen.rs"]
#[allow(dead_code)]
mod gen;
#[path = "../../vm/bytecode/tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        decode_bytes(rest);
    } else {
        mutate_module(rest);
    }
});

fn decode_bytes(bytes: &[u8]) {
    let Ok(m) = Module::decode(bytes) else {
        return;
    };
    let again = m.encode();
    let back = Module::decode(&again).expect("a decoded module re-encodes to a valid file");
    assert_eq!(back.encode(), again, "encoding is not stable");
    if let Err(e) = verify(&m) {
        assert!(!e.to_string().is_empty());
    } else if let Err(e) = invariants::check(&m) {
        panic!(
            "verify accepted an invalid module ({e}):\n{}",
            disasm::module(&m)
        );
    }
    let _ = disasm::module(&m);
}

fn mutate_module(input: &[u8]) {
    let mut e = gen::Entropy::new(input);
    let mut m = gen::module(&mut e);
    if let Err(err) = verify(&m) {
        panic!(
            "the generator made an invalid module ({err}):\n{}",
            disasm::module(&m)
        );
    }
    gen::mutate(&mut m, &mut e);
    let verdict = verify(&m);
    let stated = invariants::check(&m);
    match (&verdict, &stated) {
        (Ok(()), Err(why)) => panic!(
            "verify accepted an invalid module ({why}):\n{}",
            disasm::module(&m)
        ),
        (Err(why), Ok(())) => panic!(
            "verify refused a valid module ({why}):\n{}",
            disasm::module(&m)
        ),
        _ => {}
    }
    let file = m.encode();
    match Module::decode(&file) {
        Ok(back) => {
            assert_eq!(back.encode(), file, "encoding is not stable");
            assert_eq!(verify(&back).is_ok(), verdict.is_ok());
        }
        Err(err) => assert!(verdict.is_err(), "a verified module does not decode: {err}"),
    }
    let _ = disasm::module(&m);
}
