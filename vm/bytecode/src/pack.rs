//! A program file: the modules of one compiled script in one file (`vm compile FILE -o
//! OUT` writes it, `vm OUT` runs it).
//!
//! ```text
//! magic "BMLTPACK" | u32 format version | u32 module count | (u32 length, module bytes)*
//! ```
//!
//! Integers are little-endian. Each module is a module file as [`Module::encode`] writes
//! it, the script module (the top-level code) last. Reading checks every length against
//! what is left, so a truncated or corrupt file is an error, never a panic.

use crate::{verify, Module, FORMAT_VERSION};

/// The first bytes of a program file.
pub const MAGIC: &[u8; 8] = b"BMLTPACK";

/// True when `bytes` start like a program file.
pub fn is_pack(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The program file of `modules`.
pub fn pack(modules: &[Module]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(modules.len() as u32).to_le_bytes());
    for m in modules {
        let bytes = m.encode();
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        out.extend_from_slice(&bytes);
    }
    out
}

/// The modules of a program file, each decoded and verified.
pub fn unpack(bytes: &[u8]) -> Result<Vec<Module>, String> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or("not a Beamlet program file (bad magic)")?;
    let mut rest = rest;
    fn u32_at(rest: &mut &[u8], what: &str) -> Result<u32, String> {
        let (head, tail) = rest
            .split_first_chunk::<4>()
            .ok_or_else(|| format!("truncated program file (in the {what})"))?;
        *rest = tail;
        Ok(u32::from_le_bytes(*head))
    }
    let version = u32_at(&mut rest, "version")?;
    if version != FORMAT_VERSION {
        return Err(format!(
            "program file format version {version}, this VM reads version {FORMAT_VERSION}"
        ));
    }
    let count = u32_at(&mut rest, "module count")?;
    let mut modules = Vec::new();
    for i in 0..count {
        let len = u32_at(&mut rest, "module length")? as usize;
        if len > rest.len() {
            return Err(format!("truncated program file (module {})", i + 1));
        }
        let (body, tail) = rest.split_at(len);
        rest = tail;
        let m = Module::decode(body).map_err(|e| format!("module {}: {e}", i + 1))?;
        verify(&m).map_err(|e| format!("invalid module {}: {e}", m.name()))?;
        modules.push(m);
    }
    if !rest.is_empty() {
        return Err("trailing bytes after the last module".into());
    }
    Ok(modules)
}
