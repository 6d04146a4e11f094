//! Compiles `lib/*.ex` into bytecode at build time, so the VM loads the standard library
//! at boot without compiling anything. A compile error in the library fails the build with
//! the diagnostics.
use std::fmt::Write;
use std::path::Path;

fn main() {
    let lib = Path::new("lib");
    println!("cargo:rerun-if-changed=lib");
    let mut files: Vec<_> = std::fs::read_dir(lib)
        .expect("stdlib/lib exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ex"))
        .collect();
    files.sort();
    let mut blob = Vec::new();
    let mut errors = String::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let src = std::fs::read_to_string(f).expect("readable source");
        let name = format!("stdlib/{}", f.display());
        match beamlet_compiler::compile(&src, &name) {
            Ok(mods) => {
                for m in mods {
                    if m.name() == beamlet_compiler::expand::SCRIPT_MODULE {
                        continue;
                    }
                    let bytes = m.encode();
                    blob.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
                    blob.extend_from_slice(&bytes);
                }
            }
            Err(ds) => {
                for d in ds {
                    let _ = write!(errors, "{}", d.render(&name, &src));
                }
            }
        }
    }
    if !errors.is_empty() {
        panic!("the standard library does not compile:\n{errors}");
    }
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("stdlib.bin"), blob).expect("write stdlib.bin");
}
