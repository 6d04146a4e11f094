//! # beamlet-stdlib
//!
//! The standard library written in the language itself (`lib/*.ex`: Enum, Map, String,
//! GenServer, Supervisor, ...). A `build.rs` will compile those sources with
//! [`beamlet_compiler`] into bytecode that is embedded here, so that the VM loads it at boot
//! without compiling anything at start-up.
//!
//! Status: the sources and the build step arrive with the back end (issue 4) and the library
//! issue (issue 5). Until then [`MODULES`] is empty.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The embedded standard-library modules: (module name, bytecode). Empty until the
/// compiler's back end exists.
pub const MODULES: &[(&str, &[u8])] = &[];

/// The bytecode format the embedded modules were compiled for.
pub const FORMAT_VERSION: u32 = beamlet_compiler::EMITS_FORMAT_VERSION;
