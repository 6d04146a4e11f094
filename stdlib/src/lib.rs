//! # beamlet-stdlib
//!
//! The standard library written in the language itself (`lib/*.ex`), compiled by
//! `build.rs` with [`beamlet_compiler`] into bytecode embedded here, so that the VM loads
//! it at boot without compiling anything at start-up.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The embedded modules, each as `u32` length + module file, back to back.
const BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stdlib.bin"));

/// The module files of the standard library.
pub fn modules() -> impl Iterator<Item = &'static [u8]> {
    let mut rest = BLOB;
    std::iter::from_fn(move || {
        let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let m = rest.get(4..4 + len)?;
        rest = rest.get(4 + len..)?;
        Some(m)
    })
}

/// The bytecode format the embedded modules were compiled for.
pub const FORMAT_VERSION: u32 = beamlet_compiler::EMITS_FORMAT_VERSION;
