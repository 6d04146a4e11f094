//! The code server: verified modules, loaded and keyed by their atom.
//!
//! Loading turns a bytecode [`Module`] into a [`LoadedModule`]: atoms interned, constants
//! built once in the literal area (never collected, shared by every process), imports
//! resolved to BIFs where there is one. A loaded module is immortal (leaked): frames and
//! closures refer to it by a plain `&'static` reference, so a call costs no reference
//! counting. Loading a new version replaces the name's entry; code already running in the
//! old version keeps running in it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{OnceLock, RwLock};

use beamlet_bytecode::{Instr, Literal, Module};
use num_bigint::{BigInt, Sign};

use crate::atom::Atom;
use crate::bif::{self, BifFn};
use crate::heap::{literal, Heap, HeapConfig, TermAlloc};
use crate::term::{map, Term};

/// A function of a loaded module.
#[derive(Clone, Copy, Debug)]
pub struct FunInfo {
    /// Name.
    pub name: Atom,
    /// Parameters (closures: parameters plus captures).
    pub arity: u8,
    /// Registers of its frame.
    pub regs: u16,
    /// First instruction.
    pub entry: u32,
}

/// A call to another module, resolved on first use.
pub enum ImportSlot {
    /// A native function.
    Bif(BifFn),
    /// `:erlang.apply/2` (a fun and an argument list) or `:erlang.apply/3` (module,
    /// function, argument list): calls made by the interpreter itself.
    Apply(u8),
    /// A function of a module in the code server.
    Ext {
        /// Module.
        module: Atom,
        /// Function.
        name: Atom,
        /// Arity.
        arity: u8,
        /// The target first found (used while its module is still the current version).
        cache: OnceLock<(&'static LoadedModule, u32)>,
    },
}

/// A module ready to run.
pub struct LoadedModule {
    /// Its name.
    pub name: Atom,
    /// The instructions of all its functions.
    pub code: Box<[Instr]>,
    /// Its constants, in the literal area.
    pub consts: Box<[Term]>,
    /// Its functions, by index.
    pub funs: Box<[FunInfo]>,
    /// Its exported functions by name and arity.
    pub exports: crate::atom::AtomMap<(Atom, u8), u32>,
    /// Its imports.
    pub imports: Box<[ImportSlot]>,
    /// The bytecode (line tables, handlers, the file name).
    pub bytecode: Module,
}

impl LoadedModule {
    /// The exported function `name/arity`.
    pub fn export(&self, name: Atom, arity: u8) -> Option<u32> {
        self.exports.get(&(name, arity)).copied()
    }

    /// The function that contains instruction `pc`.
    pub fn fun_at(&self, pc: u32) -> Option<u32> {
        let fs = &self.bytecode.functions;
        fs.iter()
            .position(|f| f.entry <= pc && pc < f.entry + f.len)
            .map(|i| i as u32)
    }
}

fn server() -> &'static RwLock<HashMap<Atom, &'static LoadedModule>> {
    static S: OnceLock<RwLock<HashMap<Atom, &'static LoadedModule>>> = OnceLock::new();
    S.get_or_init(|| RwLock::new(HashMap::new()))
}

/// The current version of each module by atom index, for lookups without a lock or a
/// hash: chunks of slots made on first use (a loaded module is immortal, so a slot holds
/// a `&'static LoadedModule` or null). Writers hold the server's write lock.
fn slot(module: Atom, create: bool) -> Option<&'static AtomicPtr<LoadedModule>> {
    const CHUNK: usize = 1024;
    type Chunk = Box<[AtomicPtr<LoadedModule>]>;
    static SLOTS: OnceLock<Box<[OnceLock<Chunk>]>> = OnceLock::new();
    let slots = SLOTS.get_or_init(|| {
        (0..crate::atom::ATOM_LIMIT / CHUNK + 1)
            .map(|_| OnceLock::new())
            .collect()
    });
    let i = module.index() as usize;
    let cell = slots.get(i / CHUNK)?;
    let chunk = if create {
        cell.get_or_init(|| {
            (0..CHUNK)
                .map(|_| AtomicPtr::new(std::ptr::null_mut()))
                .collect()
        })
    } else {
        cell.get()?
    };
    chunk.get(i % CHUNK)
}

/// The current version of `module`.
pub fn lookup(module: Atom) -> Option<&'static LoadedModule> {
    let p = slot(module, false)?.load(Ordering::Acquire);
    // SAFETY: slots hold null or a leaked, never-freed `LoadedModule` (see `load`).
    unsafe { p.as_ref() }
}

/// Every loaded module's name.
pub fn loaded() -> Vec<Atom> {
    server()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .keys()
        .copied()
        .collect()
}

/// Why a module could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Decodes, verifies and loads a module file.
pub fn load_bytes(bytes: &[u8]) -> Result<&'static LoadedModule, LoadError> {
    let m = beamlet_bytecode::load(bytes).map_err(LoadError)?;
    load(m)
}

/// Verifies and loads a module; it becomes the current version of its name.
pub fn load(m: Module) -> Result<&'static LoadedModule, LoadError> {
    beamlet_bytecode::verify(&m)
        .map_err(|e| LoadError(format!("invalid module {}: {e}", m.name())))?;
    let atoms: Vec<Atom> = m
        .atoms
        .iter()
        .map(|a| Atom::intern(a).map_err(|e| LoadError(format!("atom {a:?}: {e:?}"))))
        .collect::<Result<_, _>>()?;
    let atom = |i: u32| atoms.get(i as usize).copied().unwrap_or(crate::atom::NIL);
    let mut scratch = Heap::new(HeapConfig::default());
    let mut consts = Vec::with_capacity(m.literals.len());
    for l in &m.literals {
        let t = build_literal(&mut scratch, l, &atom);
        let t = literal::make_literal(t)
            .ok_or_else(|| LoadError("the literal area is full (system_limit)".into()))?;
        consts.push(t);
    }
    let funs: Vec<FunInfo> = m
        .functions
        .iter()
        .map(|f| FunInfo {
            name: atom(f.name),
            arity: f.arity,
            regs: f.regs,
            entry: f.entry,
        })
        .collect();
    let exports = m
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| f.exported)
        .map(|(i, f)| ((atom(f.name), f.arity), i as u32))
        .collect();
    let imports = m
        .imports
        .iter()
        .map(|i| {
            let (module, name) = (atom(i.module), atom(i.name));
            if module.name() == "erlang" && name.name() == "apply" && matches!(i.arity, 2 | 3) {
                return ImportSlot::Apply(i.arity);
            }
            match bif::lookup(module, name, i.arity as usize)
                .or_else(|| crate::natives::lookup(module, name, i.arity as usize))
            {
                Some(f) => ImportSlot::Bif(f),
                None => ImportSlot::Ext {
                    module,
                    name,
                    arity: i.arity,
                    cache: OnceLock::new(),
                },
            }
        })
        .collect();
    let loaded: &'static LoadedModule = Box::leak(Box::new(LoadedModule {
        name: atom(m.name),
        code: m.code.clone().into_boxed_slice(),
        consts: consts.into_boxed_slice(),
        funs: funs.into_boxed_slice(),
        exports,
        imports,
        bytecode: m,
    }));
    let mut modules = server().write().unwrap_or_else(|e| e.into_inner());
    if let Some(old) = modules.insert(loaded.name, loaded) {
        // A process may still run the old version (the BEAM's old code): it is kept, on
        // purpose, and stays reachable from here.
        old_versions()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(old);
    }
    if let Some(s) = slot(loaded.name, true) {
        s.store(std::ptr::from_ref(loaded).cast_mut(), Ordering::Release);
    }
    Ok(loaded)
}

/// Versions of modules that a later load replaced (never freed: see `load`).
fn old_versions() -> &'static std::sync::Mutex<Vec<&'static LoadedModule>> {
    static OLD: OnceLock<std::sync::Mutex<Vec<&'static LoadedModule>>> = OnceLock::new();
    OLD.get_or_init(Default::default)
}

/// Builds a constant on `h` (then copied into the literal area by the caller).
fn build_literal(h: &mut Heap, l: &Literal, atom: &dyn Fn(u32) -> Atom) -> Term {
    match l {
        Literal::Int(i) => h.int(*i),
        Literal::BigInt {
            negative,
            magnitude,
        } => {
            let sign = if *negative { Sign::Minus } else { Sign::Plus };
            h.bigint(&BigInt::from_bytes_le(sign, magnitude))
        }
        Literal::Float(f) => h.float(*f),
        Literal::Atom(a) => Term::atom(atom(*a)),
        Literal::Binary(b) => h.binary(b),
        Literal::Bits { bits, bytes } => {
            let whole = h.binary(bytes);
            h.sub_binary(whole, 0, *bits)
        }
        Literal::Nil => Term::NIL,
        Literal::Tuple(items) => {
            let ts: Vec<Term> = items.iter().map(|i| build_literal(h, i, atom)).collect();
            h.tuple(&ts)
        }
        Literal::List(items, tail) => {
            let ts: Vec<Term> = items.iter().map(|i| build_literal(h, i, atom)).collect();
            let t = build_literal(h, tail, atom);
            h.improper_list(&ts, t)
        }
        Literal::Map(pairs) => {
            let mut m = map::empty(h);
            for (k, v) in pairs {
                let (k, v) = (build_literal(h, k, atom), build_literal(h, v, atom));
                m = map::put(h, m, k, v);
            }
            m
        }
    }
}
