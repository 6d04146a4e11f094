//! Properties over random modules. The generator (tests/common/gen.rs) turns random bytes
//! into a valid module; the mutator breaks it; tests/common/invariants.rs says, apart from
//! the verifier, what a valid module is.
mod common;

use beamlet_bytecode::*;
use common::gen::{self, Entropy};
use common::invariants;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..max)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2048,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/props.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    })]

    /// Valid modules verify, satisfy the invariants and survive encoding.
    #[test]
    fn generated_modules_verify_and_round_trip(seed in bytes(2048)) {
        let m = gen::module(&mut Entropy::new(&seed));
        if let Err(e) = verify(&m) {
            panic!("{e}\n{}", disasm::module(&m));
        }
        prop_assert_eq!(invariants::check(&m), Ok(()));
        let file = m.encode();
        prop_assert_eq!(Module::decode(&file), Ok(m.clone()));
        // One line `  pc: instr` per instruction.
        let text = disasm::module(&m);
        let listed = text
            .lines()
            .filter(|l| l.starts_with("  ") && l.trim_start().split_once(": ").is_some_and(|(pc, _)| pc.parse::<u32>().is_ok()))
            .count();
        prop_assert_eq!(listed, m.code.len());
    }

    /// The verifier and the independent statement agree on broken modules; a broken
    /// module encodes to a file that decodes back to it, or that the decoder refuses (an
    /// empty list literal, say) -- but only if the verifier refuses it too.
    #[test]
    fn verify_agrees_with_the_invariants(seed in bytes(2048), edits in bytes(64)) {
        let mut m = gen::module(&mut Entropy::new(&seed));
        gen::mutate(&mut m, &mut Entropy::new(&edits));
        let verdict = verify(&m);
        let stated = invariants::check(&m);
        if verdict.is_ok() != stated.is_ok() {
            panic!(
                "verify says {verdict:?}, the invariants say {stated:?}\n{}",
                disasm::module(&m)
            );
        }
        let file = m.encode();
        match Module::decode(&file) {
            Ok(back) => {
                prop_assert_eq!(back.encode(), file);
                prop_assert_eq!(verify(&back).is_ok(), verdict.is_ok());
            }
            Err(e) => prop_assert!(verdict.is_err(), "a verified module does not decode: {}", e),
        }
        let _ = disasm::module(&m);
    }

    /// Handler tables of every shape: the verifier's sweep agrees with the pairwise rule.
    #[test]
    fn handler_nesting_agrees_with_the_pairwise_rule(
        ranges in proptest::collection::vec((0u32..6, 0u32..6), 0..7)
    ) {
        let mut m = Module {
            atoms: vec!["m".into()],
            code: vec![Instr::Jump { to: Label(0) }; 6],
            ..Module::default()
        };
        m.functions.push(Function {
            len: 6,
            handlers: ranges
                .iter()
                .map(|&(a, len)| Handler { start: a, end: (a + len).min(6), target: 0 })
                .collect(),
            ..Function::default()
        });
        let verdict = verify(&m);
        let stated = invariants::check(&m);
        prop_assert_eq!(verdict.is_ok(), stated.is_ok(), "{:?} vs {:?}", verdict, stated);
    }

    /// Arbitrary bytes, and valid files with bytes overwritten: decoding is total, and
    /// whatever verifies satisfies the invariants.
    #[test]
    fn decoding_any_bytes_is_safe(
        seed in bytes(1024),
        noise in bytes(512),
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8),
    ) {
        let _ = Module::decode(&noise);
        let mut file = gen::module(&mut Entropy::new(&seed)).encode();
        for (at, x) in flips {
            let at = at % file.len();
            file[at] = x;
        }
        if let Ok(m) = Module::decode(&file) {
            let again = m.encode();
            prop_assert_eq!(Module::decode(&again).map(|m| m.encode()), Ok(again));
            if verify(&m).is_ok() {
                prop_assert_eq!(invariants::check(&m), Ok(()));
            }
            let _ = disasm::module(&m);
        }
    }
}
