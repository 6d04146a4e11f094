//! Beamlet's own native functions (module `:beamlet`) and the few `:erlang` functions that
//! need the runtime rather than just terms: output, `inspect`, time, `halt`, funs.
//!
//! The standard library (`stdlib/lib/*.ex`) calls these; user code does not see them.

use std::collections::HashMap;
use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

use crate::atom::{self, Atom};
use crate::bif::BifFn;
use crate::code;
use crate::exception::{Class, Raise};
use crate::heap::TermAlloc;
use crate::inspect::{self, InspectOpts};
use crate::process::Process;
use crate::term::{map, Term};

mod arg_errors;
mod casing;
mod casing_tables;
mod io_format;
pub mod os;
pub mod process;
mod rand;
mod regex;
mod stdio;
mod system;
mod unicode;
mod unicode_tables;

type Table = crate::atom::AtomMap<(Atom, Atom, usize), BifFn>;

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let entries: &[(&str, &str, usize, BifFn)] = &[
            ("beamlet", "put_chars", 2, put_chars),
            ("beamlet", "host_deliver", 2, crate::embed::host_deliver),
            ("beamlet", "host_native", 2, crate::embed::host_native),
            (
                "beamlet",
                "host_native_dirty",
                2,
                crate::embed::host_native_dirty,
            ),
            ("beamlet", "compile_file", 1, crate::embed::compile_file),
            (
                "beamlet",
                "compile_eval",
                3,
                crate::embed::compile_eval_native,
            ),
            ("beamlet", "module_source", 1, crate::embed::module_source),
            ("beamlet", "loaded_sources", 0, crate::embed::loaded_sources),
            ("beamlet", "module_exports", 1, crate::embed::module_exports),
            ("beamlet", "make_pid", 1, crate::embed::make_pid),
            ("beamlet", "inspect", 2, inspect_native),
            ("beamlet", "to_string", 1, to_string),
            ("beamlet", "dot", 2, dot),
            ("beamlet", "merge_struct", 2, merge_struct),
            ("beamlet", "module_loaded", 1, module_loaded),
            ("beamlet", "function_exported", 3, function_exported),
            ("beamlet", "impl_for", 3, impl_for),
            ("queue", "in", 2, queue_in),
            ("beamlet", "inspect_impls", 1, inspect_impls),
            ("beamlet", "re_compile", 2, regex::re_compile),
            ("beamlet", "argv", 0, os::argv),
            ("beamlet", "getenv", 1, os::getenv),
            ("beamlet", "environ", 0, os::environ),
            ("beamlet", "putenv", 2, os::putenv),
            ("beamlet", "file_read", 1, os::file_read),
            ("beamlet", "file_write", 3, os::file_write),
            ("beamlet", "file_op", 2, os::file_op),
            ("beamlet", "cwd", 0, os::cwd),
            ("beamlet", "re_run", 5, regex::re_run),
            ("beamlet", "re_names", 2, regex::re_names),
            ("beamlet", "flush", 0, flush),
            ("beamlet", "to_charlist", 1, to_charlist),
            ("erlang", "make_fun", 3, make_fun),
            ("erlang", "halt", 1, halt),
            ("erlang", "monotonic_time", 0, monotonic_time0),
            ("erlang", "monotonic_time", 1, monotonic_time1),
            ("erlang", "raise", 3, raise3),
            ("erlang", "fun_info", 2, fun_info),
            ("beamlet", "bif_arg_errors", 3, bif_arg_errors),
            ("io", "format", 1, io_format1),
            ("io", "format", 2, io_format2),
            ("io", "format", 3, io_format3),
            ("io_lib", "format", 2, io_lib_format),
            ("io", "fwrite", 1, io_format1),
            ("io", "fwrite", 2, io_format2),
            ("io", "fwrite", 3, io_format3),
            ("io_lib", "fwrite", 2, io_lib_format),
            ("io", "put_chars", 1, io_put_chars1),
            ("io", "put_chars", 2, io_put_chars2),
            ("io", "nl", 0, io_nl0),
            ("io", "nl", 1, io_nl1),
            ("binary", "bin_to_list", 1, bin_to_list),
            ("unicode", "characters_to_binary", 1, characters_to_binary1),
            ("unicode", "characters_to_binary", 2, characters_to_binary2),
            ("unicode", "characters_to_binary", 3, characters_to_binary3),
            ("unicode", "characters_to_list", 1, characters_to_list1),
            ("unicode", "characters_to_list", 2, characters_to_list2),
            ("io", "get_line", 1, stdio::get_line1),
            ("io", "get_line", 2, stdio::get_line2),
            ("io", "get_chars", 2, stdio::get_chars2),
            ("io", "get_chars", 3, stdio::get_chars3),
            ("erlang", "system_time", 0, system::system_time0),
            ("erlang", "localtime", 0, system::localtime),
            ("erlang", "universaltime", 0, system::universaltime),
            ("erlang", "system_time", 1, system::system_time1),
            ("os", "system_time", 0, system::system_time0),
            ("os", "system_time", 1, system::system_time1),
            ("erlang", "unique_integer", 0, system::unique_integer0),
            ("erlang", "unique_integer", 1, system::unique_integer1),
            ("erlang", "node", 0, system::node0),
            ("erlang", "node", 1, system::node1),
            ("erlang", "self", 0, process::self_),
            ("erlang", "make_ref", 0, process::make_ref),
            ("erlang", "send", 2, process::send),
            ("erlang", "!", 2, process::send),
            ("erlang", "send", 3, process::send3),
            ("erlang", "spawn", 1, process::spawn1),
            ("erlang", "spawn", 3, process::spawn3),
            ("erlang", "spawn_link", 1, process::spawn_link1),
            ("erlang", "spawn_link", 3, process::spawn_link3),
            ("erlang", "spawn_monitor", 1, process::spawn_monitor1),
            ("erlang", "spawn_monitor", 3, process::spawn_monitor3),
            ("erlang", "spawn_opt", 2, process::spawn_opt2),
            ("erlang", "spawn_opt", 4, process::spawn_opt4),
            ("erlang", "link", 1, process::link),
            ("erlang", "unlink", 1, process::unlink),
            ("erlang", "monitor", 2, process::monitor),
            ("erlang", "monitor", 3, process::monitor3),
            ("beamlet", "send_alias", 3, process::send_alias),
            ("erlang", "demonitor", 1, process::demonitor1),
            ("erlang", "demonitor", 2, process::demonitor2),
            ("erlang", "exit", 2, process::exit2),
            ("erlang", "process_flag", 2, process::process_flag),
            ("erlang", "register", 2, process::register),
            ("erlang", "unregister", 1, process::unregister),
            ("erlang", "whereis", 1, process::whereis),
            ("erlang", "registered", 0, process::registered),
            ("erlang", "is_process_alive", 1, process::is_process_alive),
            ("erlang", "processes", 0, process::processes),
            ("erlang", "put", 2, process::put),
            ("erlang", "get", 1, process::get1),
            ("erlang", "get", 0, process::get0),
            ("erlang", "get_keys", 0, process::get_keys0),
            ("erlang", "get_keys", 1, process::get_keys1),
            ("erlang", "erase", 1, process::erase1),
            ("erlang", "erase", 0, process::erase0),
            ("erlang", "send_after", 3, process::send_after),
            ("erlang", "start_timer", 3, process::start_timer),
            ("erlang", "cancel_timer", 1, process::cancel_timer),
            ("erlang", "cancel_timer", 2, process::cancel_timer2),
            ("erlang", "read_timer", 1, process::read_timer),
            ("erlang", "garbage_collect", 0, process::garbage_collect0),
            ("erlang", "garbage_collect", 1, process::garbage_collect1),
            ("erlang", "hibernate", 3, process::hibernate),
            ("erlang", "yield", 0, process::yield_),
            ("erlang", "group_leader", 0, process::group_leader),
            ("erlang", "process_info", 1, process::process_info1),
            ("erlang", "process_info", 2, process::process_info2),
            ("beamlet", "process_info", 3, process::process_info_request),
            ("erlang", "system_info", 1, process::system_info),
            ("erlang", "memory", 0, process::memory0),
            ("erlang", "memory", 1, process::memory1),
            ("erlang", "statistics", 1, process::statistics),
            ("beamlet", "set_log_level", 1, process::set_log_level),
            ("beamlet", "gc_request", 2, process::gc_request),
            ("beamlet", "log_level", 0, process::log_level),
            ("rand", "uniform", 0, rand::uniform0),
            ("rand", "uniform", 1, rand::uniform1),
            ("rand", "seed", 1, rand::seed1),
            ("rand", "seed", 2, rand::seed2),
            ("unicode", "characters_to_nfc_binary", 1, nfc_binary),
            ("unicode", "characters_to_nfd_binary", 1, nfd_binary),
            ("unicode", "characters_to_nfkc_binary", 1, nfkc_binary),
            ("unicode", "characters_to_nfkd_binary", 1, nfkd_binary),
            ("beamlet", "string_upcase", 2, string_upcase),
            ("beamlet", "string_downcase", 2, string_downcase),
            ("beamlet", "string_titlecase_once", 2, string_titlecase_once),
            ("beamlet", "uc_flags", 1, unicode::uc_flags),
            ("beamlet", "uc_case", 1, unicode::uc_case),
            ("beamlet", "uc_table", 1, unicode::uc_table),
            ("beamlet", "uc_compose", 2, unicode::uc_compose),
        ];
        entries
            .iter()
            .filter_map(|&(m, f, a, g)| {
                Some(((Atom::intern(m).ok()?, Atom::intern(f).ok()?, a), g))
            })
            .collect()
    })
}

/// The native `module.name/arity`, if Beamlet has one.
pub fn lookup(module: Atom, name: Atom, arity: usize) -> Option<BifFn> {
    table().get(&(module, name, arity)).copied()
}

/// The atom `name` as a term (`nil` past the atom table's limit).
pub(crate) fn a(name: &str) -> Term {
    Term::atom(Atom::intern(name).unwrap_or(atom::NIL))
}

/// Writes buffered output now (before stderr output or exit).
pub fn flush_stdout() {
    let _ = std::io::stdout().flush();
}

/// `:beamlet.put_chars(device, chardata)`: `:stdio` / `:standard_error`.
fn put_chars(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [dev, data] = args else {
        return Err(Raise::badarg());
    };
    let bytes = inspect::to_string(*data).map_err(|()| Raise::badarg())?;
    let stderr = dev
        .as_atom()
        .is_some_and(|d| d.name() == "standard_error" || d.name() == "stderr");
    if stderr {
        flush_stdout();
        let _ = std::io::stderr().write_all(&bytes);
    } else {
        let _ = std::io::stdout().write_all(&bytes);
    }
    Ok(Term::atom(atom::OK))
}

fn flush(_p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    flush_stdout();
    Ok(Term::atom(atom::OK))
}

/// Reads `inspect/2` options from a keyword list.
fn opts_of(kw: Term) -> InspectOpts {
    let mut o = InspectOpts::default();
    let mut l = kw;
    while let Some((h, t)) = l.cons() {
        if let Some([k, v]) = h.tuple() {
            match k.as_atom().map(|k| k.name()) {
                Some("pretty") => o.pretty = v.is(Term::TRUE),
                Some("width") => {
                    if let Some(w) = v.as_small() {
                        o.width = w.max(0) as usize;
                    } else if v.as_atom().is_some_and(|a| a.name() == "infinity") {
                        o.width = usize::MAX;
                    }
                }
                Some("limit") => {
                    if let Some(w) = v.as_small() {
                        o.limit = w.max(0) as usize;
                    } else if v.as_atom().is_some_and(|a| a.name() == "infinity") {
                        o.limit = usize::MAX;
                    }
                }
                Some("printable_limit") => {
                    if let Some(w) = v.as_small() {
                        o.printable_limit = w.max(0) as usize;
                    } else if v.as_atom().is_some_and(|a| a.name() == "infinity") {
                        o.printable_limit = usize::MAX;
                    }
                }
                Some("structs") => o.structs = !v.is(Term::FALSE),
                Some("base") => {
                    o.base = match v.as_atom().map(|a| a.name()) {
                        Some("binary") => inspect::Base::Binary,
                        Some("octal") => inspect::Base::Octal,
                        Some("hex") => inspect::Base::Hex,
                        _ => inspect::Base::Decimal,
                    }
                }
                Some("binaries") => {
                    o.binaries = match v.as_atom().map(|a| a.name()) {
                        Some("as_binaries") => inspect::Binaries::AsBinaries,
                        Some("as_strings") => inspect::Binaries::AsStrings,
                        _ => inspect::Binaries::Infer,
                    }
                }
                Some("charlists") => {
                    o.charlists = match v.as_atom().map(|a| a.name()) {
                        Some("as_lists") => inspect::Charlists::AsLists,
                        Some("as_charlists") => inspect::Charlists::AsCharlists,
                        _ => inspect::Charlists::Infer,
                    }
                }
                _ => {}
            }
        }
        l = t;
    }
    o
}

fn inspect_native(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [t, kw] = args else {
        return Err(Raise::badarg());
    };
    let mut rendered = Rendered(HashMap::new());
    let mut l = *kw;
    while let Some((h, rest)) = l.cons() {
        if let Some([k, v]) = h.tuple() {
            if k.as_atom().is_some_and(|k| k.name() == "__rendered__") {
                rendered.0 = rendered_pairs(*v);
            }
        }
        l = rest;
    }
    let s = inspect::inspect_with(*t, &opts_of(*kw), &rendered);
    Ok(p.heap.string(&s))
}

/// `[{struct, text}]`: what user `Inspect` implementations made of the structs of a term.
fn rendered_pairs(list: Term) -> HashMap<u64, String> {
    let mut out = HashMap::new();
    let mut l = list;
    while let Some((h, rest)) = l.cons() {
        if let Some([s, text]) = h.tuple() {
            if let Some(bytes) = crate::binary::bits(*text).and_then(|b| b.as_bytes()) {
                out.insert(s.raw(), String::from_utf8_lossy(bytes).into_owned());
            }
        }
        l = rest;
    }
    out
}

/// The code server, plus the texts user `Inspect` implementations made, by the identity
/// of the struct (the term `inspect_impls` found, which the texts come back with).
struct Rendered(HashMap<u64, String>);

impl inspect::Resolve for Rendered {
    fn struct_fields(&self, module: Atom) -> inspect::StructInfo {
        CodeServer.struct_fields(module)
    }

    fn closure(&self, module: Atom, index: i64) -> Option<inspect::ClosureInfo> {
        CodeServer.closure(module, index)
    }

    fn rendered(&self, m: Term) -> Option<&str> {
        self.0.get(&m.raw()).map(String::as_str)
    }
}

/// `:beamlet.inspect_impls(term)`: the structs in `term` (outermost first, each once)
/// whose module has a user `Inspect` implementation, which `inspect` must call.
fn inspect_impls(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    use crate::term::View;
    let [t] = args else {
        return Err(Raise::badarg());
    };
    let mut found: Vec<Term> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut todo = vec![*t];
    while let Some(t) = todo.pop() {
        match t.view() {
            View::Cons(h, tl) => {
                todo.push(tl);
                todo.push(h);
            }
            View::Tuple(es) => todo.extend(es.iter().rev().copied()),
            View::Map(_) => {
                let module = map::get(t, Term::atom(atom::STRUCT)).and_then(Term::as_atom);
                if let Some(m) = module {
                    let impl_name = module_concat("Elixir.Inspect", m.name());
                    if Atom::existing(&impl_name).and_then(code::lookup).is_some() {
                        if seen.insert(t.raw()) {
                            found.push(t);
                        }
                        continue;
                    }
                }
                for (k, v) in map::iter(t) {
                    todo.push(v);
                    todo.push(k);
                }
            }
            _ => {}
        }
    }
    Ok(p.heap.list(&found))
}

/// `String.Chars.to_string/1` for the built-in types.
fn to_string(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [t] = args else {
        return Err(Raise::badarg());
    };
    if crate::binary::bits(*t).is_some_and(|b| b.is_binary()) {
        return Ok(*t);
    }
    match inspect::to_string(*t) {
        Ok(bytes) => Ok(p.heap.binary(&bytes)),
        Err(()) => {
            let e = p
                .heap
                .tuple(&[a("protocol_undefined"), a("Elixir.String.Chars"), *t]);
            Err(Raise::error(e))
        }
    }
}

/// `map.key`: the value, or `{:badkey, key, map}`; `{:badmap, t}` for a non-map.
fn dot(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [m, k] = args else {
        return Err(Raise::badarg());
    };
    if !m.is_map() {
        return Err(Raise::tagged(&mut p.heap, atom::BADMAP, *m));
    }
    match map::get(*m, *k) {
        Some(v) => Ok(v),
        None => {
            let e = p.heap.tuple(&[Term::atom(atom::BADKEY), *k, *m]);
            Err(Raise::error(e))
        }
    }
}

/// `__struct__/1`: the defaults with the given keyword list or map merged in.
fn merge_struct(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [defaults, kv] = args else {
        return Err(Raise::badarg());
    };
    let mut m = *defaults;
    if kv.is_map() {
        for (k, v) in map::sorted_pairs(*kv) {
            m = map::put(&mut p.heap, m, k, v);
        }
        return Ok(m);
    }
    let mut l = *kv;
    while let Some((h, t)) = l.cons() {
        match h.tuple() {
            Some([k, v]) => m = map::put(&mut p.heap, m, *k, *v),
            _ => return Err(Raise::badarg()),
        }
        l = t;
    }
    Ok(m)
}

fn module_loaded(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [m] = args else {
        return Err(Raise::badarg());
    };
    let m = m.as_atom().ok_or_else(Raise::badarg)?;
    Ok(Term::boolean(code::lookup(m).is_some()))
}

fn function_exported(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [m, f, n] = args else {
        return Err(Raise::badarg());
    };
    let (Some(m), Some(f), Some(n)) = (m.as_atom(), f.as_atom(), n.as_small()) else {
        return Err(Raise::badarg());
    };
    let yes = code::lookup(m)
        .is_some_and(|lm| u8::try_from(n).is_ok_and(|n| lm.export(f, n).is_some()))
        || crate::bif::lookup(m, f, n.max(0) as usize).is_some()
        || lookup(m, f, n.max(0) as usize).is_some();
    Ok(Term::boolean(yes))
}

/// `:queue.in/2` (`in` is a reserved word in Elixir, where the rest of `:queue` is):
/// `{[x], [y]}` from a one-element rear, else `x` consed onto the rear.
fn queue_in(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [x, q] = args else {
        return Err(Raise::badarg());
    };
    let parts = q
        .tuple()
        .filter(|e| e.len() == 2 && e[0].is_list() && e[1].is_list());
    let Some(&[r, f]) = parts else {
        return Err(Raise::badarg());
    };
    if f.is_nil() {
        if let Some((_, t)) = r.cons() {
            if t.is_nil() {
                let rear = p.heap.list(&[*x]);
                return Ok(p.heap.tuple(&[rear, r]));
            }
        }
    }
    let rear = p.heap.cons(*x, r);
    Ok(p.heap.tuple(&[rear, f]))
}

/// `:beamlet.impl_for(protocol, value, fallback_to_any)`: the module implementing
/// `protocol` for `value`, or `nil`, as a protocol's `impl_for/1` finds it: a struct's
/// `Protocol.Struct` (a struct without one does not fall back to `Map`), a built-in
/// type's `Protocol.Integer`, `Protocol.List`, ..., then `Protocol.Any` when the protocol
/// falls back to it.
fn impl_for(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [proto, value, fallback] = args else {
        return Err(Raise::badarg());
    };
    let Some(proto) = proto.as_atom() else {
        return Err(Raise::badarg());
    };
    let struct_name = value
        .is_map()
        .then(|| map::get(*value, Term::atom(atom::STRUCT)))
        .flatten()
        .and_then(Term::as_atom);
    let ty = match struct_name {
        Some(s) => s.name(),
        None if value.is_integer() => "Integer",
        None if value.as_float().is_some() => "Float",
        None if value.is_atom() => "Atom",
        None if value.is_list() => "List",
        None if value.is_map() => "Map",
        None if value.is_bitstring() => "BitString",
        None if value.tuple().is_some() => "Tuple",
        None if value.is_fun() => "Function",
        None if value.is_pid() => "PID",
        None if value.is_port() => "Port",
        None if value.is_reference() => "Reference",
        None => return Ok(Term::NIL_ATOM),
    };
    let implemented = |ty: &str| {
        let name = module_concat(proto.name(), ty);
        let m = Atom::existing(&name)?;
        code::lookup(m).map(|_| Term::atom(m))
    };
    let found = implemented(ty).or_else(|| {
        fallback
            .is(Term::atom(atom::TRUE))
            .then(|| implemented("Any"))
            .flatten()
    });
    Ok(found.unwrap_or(Term::NIL_ATOM))
}

/// `Module.concat(a, b)` of two module names: `Elixir.A.B`.
fn module_concat(a: &str, b: &str) -> String {
    let strip = |s: &str| s.strip_prefix("Elixir.").unwrap_or(s).to_string();
    format!("Elixir.{}.{}", strip(a), strip(b))
}

fn make_fun(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [m, f, n] = args else {
        return Err(Raise::badarg());
    };
    let (Some(m), Some(f), Some(n)) = (m.as_atom(), f.as_atom(), n.as_small()) else {
        return Err(Raise::badarg());
    };
    let n = u8::try_from(n).map_err(|_| Raise::badarg())?;
    Ok(p.heap.export(m, f, n))
}

/// `:erlang.halt(status)`: flushes output and ends the OS process.
fn halt(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [s] = args else {
        return Err(Raise::badarg());
    };
    let code = match s.as_small() {
        Some(c) => c as i32,
        None if s.as_atom().is_some_and(|a| a.name() == "abort") => 134,
        None => return Err(Raise::badarg()),
    };
    flush_stdout();
    std::process::exit(code)
}

fn epoch() -> Instant {
    static E: OnceLock<Instant> = OnceLock::new();
    *E.get_or_init(Instant::now)
}

pub(crate) fn epoch_elapsed() -> std::time::Duration {
    epoch().elapsed()
}

fn monotonic_time0(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    let ns = epoch().elapsed().as_nanos() as i64;
    Ok(p.heap.int(ns))
}

fn monotonic_time1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [unit] = args else {
        return Err(Raise::badarg());
    };
    let ns = epoch().elapsed().as_nanos() as i64;
    let v = match unit.as_atom().map(|a| a.name()) {
        Some("second" | "seconds") => ns / 1_000_000_000,
        Some("millisecond" | "milli_seconds") => ns / 1_000_000,
        Some("microsecond" | "micro_seconds") => ns / 1_000,
        Some("nanosecond" | "nano_seconds" | "native") => ns,
        _ => match unit.as_small() {
            Some(per_sec) if per_sec > 0 => (ns as i128 * per_sec as i128 / 1_000_000_000) as i64,
            _ => return Err(Raise::badarg()),
        },
    };
    Ok(p.heap.int(v))
}

/// `:erlang.raise(class, reason, stacktrace)`: raises with the given class (the stack
/// trace is rebuilt here; the interpreter handles `reraise` with the original one).
fn raise3(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [c, r, _st] = args else {
        return Err(Raise::badarg());
    };
    let class = match c.as_atom().map(|a| a.name()) {
        Some("error") => Class::Error,
        Some("exit") => Class::Exit,
        Some("throw") => Class::Throw,
        _ => return Err(Raise::badarg()),
    };
    Err(Raise { class, reason: *r })
}

/// A string's code points as a list (`String.to_charlist/1`).
fn to_charlist(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [s] = args else {
        return Err(Raise::badarg());
    };
    let bytes = crate::binary::bytes(*s).ok_or_else(Raise::badarg)?;
    let text = std::str::from_utf8(bytes).map_err(|_| Raise::badarg())?;
    let items: Vec<Term> = text
        .chars()
        .map(|c| Term::small(c as i64).unwrap_or(Term::NIL))
        .collect();
    Ok(p.heap.list(&items))
}

/// What `inspect` asks the code server: struct field order and closure origins.
pub struct CodeServer;

impl inspect::Resolve for CodeServer {
    fn struct_fields(&self, module: Atom) -> inspect::StructInfo {
        let Some(m) = code::lookup(module) else {
            return inspect::StructInfo::NotAStruct;
        };
        match m.bytecode.attribute("struct") {
            Some(beamlet_bytecode::Literal::List(items, _)) => inspect::StructInfo::Fields(
                items
                    .iter()
                    .filter_map(|l| match l {
                        beamlet_bytecode::Literal::Atom(a) => {
                            Atom::intern(m.bytecode.atom(*a)).ok()
                        }
                        _ => None,
                    })
                    .collect(),
            ),
            Some(beamlet_bytecode::Literal::Nil) => inspect::StructInfo::Fields(vec![]),
            _ => inspect::StructInfo::NotAStruct,
        }
    }

    fn closure(&self, module: Atom, index: i64) -> Option<inspect::ClosureInfo> {
        let m = code::lookup(module)?;
        let f = m.bytecode.functions.get(usize::try_from(index).ok()?)?;
        // `-name/arity-fun-N-`: the enclosing function.
        let name = m.bytecode.atom(f.name);
        let inner = name.strip_prefix('-')?;
        let (head, _) = inner.rsplit_once("-fun-")?;
        let (fname, arity) = head.rsplit_once('/')?;
        Some(inspect::ClosureInfo {
            function: Atom::intern(fname).ok()?,
            arity: arity.parse().ok()?,
            uniq: 0,
        })
    }
}

/// `:erlang.fun_info(fun, item)` for `arity`, `module`, `name`, `type` and `env`.
fn fun_info(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    use crate::term::View;
    let [f, item] = args else {
        return Err(Raise::badarg());
    };
    let key = item.as_atom().ok_or_else(Raise::badarg)?;
    let value = match (f.view(), key.name()) {
        (View::Fun { arity, .. } | View::Export { arity, .. }, "arity") => {
            Term::small(arity).unwrap_or(Term::NIL)
        }
        (View::Fun { module, .. } | View::Export { module, .. }, "module") => Term::atom(module),
        (View::Export { function, .. }, "name") => Term::atom(function),
        (View::Fun { module, index, .. }, "name") => {
            let name = code::lookup(module)
                .and_then(|m| m.funs.get(usize::try_from(index).ok()?).map(|f| f.name))
                .unwrap_or(atom::UNDEFINED);
            Term::atom(name)
        }
        (View::Fun { .. }, "type") => a("local"),
        (View::Export { .. }, "type") => a("external"),
        (View::Fun { env, .. }, "env") => {
            let env: Vec<Term> = env.to_vec();
            p.heap.list(&env)
        }
        (View::Export { .. }, "env") => Term::NIL,
        _ => return Err(Raise::badarg()),
    };
    Ok(p.heap.tuple(&[*item, value]))
}

/// `:binary.bin_to_list(bin)`: its bytes.
fn bin_to_list(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [b] = args else {
        return Err(Raise::badarg());
    };
    let bytes = crate::binary::bytes(*b).ok_or_else(Raise::badarg)?;
    let items: Vec<Term> = bytes
        .iter()
        .map(|&x| Term::small(x as i64).unwrap_or(Term::NIL))
        .collect();
    Ok(p.heap.list(&items))
}

/// An encoding of `:unicode`: `:utf8`/`:unicode`, `:latin1`, `:utf16`/`:utf32` with
/// optional `{_, :little}`.
#[derive(Clone, Copy)]
enum Encoding {
    Utf8,
    Latin1,
    Utf16(bool),
    Utf32(bool),
}

fn encoding(t: Term) -> Option<Encoding> {
    let (name, little) = match t.tuple() {
        Some([n, e]) => (n.as_atom()?, e.as_atom()?.name() == "little"),
        _ => (t.as_atom()?, false),
    };
    Some(match name.name() {
        "utf8" | "unicode" => Encoding::Utf8,
        "latin1" => Encoding::Latin1,
        "utf16" => Encoding::Utf16(little),
        "utf32" => Encoding::Utf32(little),
        _ => return None,
    })
}

/// The code points of chardata `t` read in encoding `enc` (binaries in `enc`, integers
/// as code points, nested lists).
fn code_points(t: Term, enc: Encoding) -> Option<Vec<char>> {
    let mut out = Vec::new();
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        if let Some(i) = t.as_small() {
            out.push(char::from_u32(u32::try_from(i).ok()?)?);
        } else if t.is_nil() {
        } else if let Some((h, tl)) = t.cons() {
            work.push(tl);
            work.push(h);
        } else {
            let bytes = crate::binary::bytes(t)?;
            match enc {
                Encoding::Utf8 => out.extend(std::str::from_utf8(bytes).ok()?.chars()),
                Encoding::Latin1 => out.extend(bytes.iter().map(|&b| b as char)),
                Encoding::Utf16(little) => {
                    if bytes.len() % 2 != 0 {
                        return None;
                    }
                    let units = bytes.chunks(2).map(|c| {
                        let pair = [c[0], c[1]];
                        if little {
                            u16::from_le_bytes(pair)
                        } else {
                            u16::from_be_bytes(pair)
                        }
                    });
                    for c in char::decode_utf16(units) {
                        out.push(c.ok()?);
                    }
                }
                Encoding::Utf32(little) => {
                    if bytes.len() % 4 != 0 {
                        return None;
                    }
                    for c in bytes.chunks(4) {
                        let w = [c[0], c[1], c[2], c[3]];
                        let u = if little {
                            u32::from_le_bytes(w)
                        } else {
                            u32::from_be_bytes(w)
                        };
                        out.push(char::from_u32(u)?);
                    }
                }
            }
        }
    }
    Some(out)
}

fn encode(chars: &[char], enc: Encoding) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(chars.len());
    for &c in chars {
        match enc {
            Encoding::Utf8 => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Encoding::Latin1 => out.push(u8::try_from(c as u32).ok()?),
            Encoding::Utf16(little) => {
                for u in c.encode_utf16(&mut [0; 2]) {
                    out.extend_from_slice(&if little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    });
                }
            }
            Encoding::Utf32(little) => {
                let u = c as u32;
                out.extend_from_slice(&if little {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                });
            }
        }
    }
    Some(out)
}

/// How reading chardata stopped early: the rest of the input from the bad (or cut off)
/// character on, shaped as OTP's `unicode` module returns it.
enum Stop {
    /// Not a character (`{:error, converted, rest}`).
    Error(Term),
    /// A UTF-8 sequence cut off at the end of the input (`{:incomplete, converted, rest}`).
    Incomplete(Term),
}

/// Reads chardata `t` in encoding `from` into `out`, checking each code point fits `to`.
/// `last`: nothing follows `t` in the whole input (a cut-off sequence is then
/// incomplete rather than an error). `Err(())` for a term that is not chardata.
fn scan_chars(
    p: &mut Process,
    t: Term,
    from: Encoding,
    to: Encoding,
    last: bool,
    out: &mut Vec<char>,
) -> Result<Option<Stop>, ()> {
    let fits = |c: char| !matches!(to, Encoding::Latin1) || (c as u32) < 256;
    if t.is_nil() {
        return Ok(None);
    }
    if t.cons().is_none() {
        // A binary, alone or as the tail of a list: the rest is what is left of it.
        return scan_binary(p, t, from, last, &fits, out);
    }
    let mut cell = t;
    while let Some((h, tl)) = cell.cons() {
        let tail_empty = tl.is_nil();
        if let Some(i) = h.as_small() {
            let c = u32::try_from(i).ok().and_then(char::from_u32);
            let ok = match (c, from) {
                (Some(c), Encoding::Latin1) => (c as u32) < 256 && fits(c),
                (Some(c), _) => fits(c),
                (None, _) => false,
            };
            match c {
                Some(c) if ok => out.push(c),
                // OTP's latin1 output (Erlang code, not the BIF) wraps the bad integer.
                _ if matches!(to, Encoding::Latin1) => {
                    let bad = p.heap.list(&[h]);
                    return Ok(Some(Stop::Error(p.heap.cons(bad, tl))));
                }
                _ => return Ok(Some(Stop::Error(cell))),
            }
        } else if h.is_nil() || h.cons().is_some() {
            match scan_chars(p, h, from, to, last && tail_empty, out)? {
                None => {}
                Some(Stop::Error(r)) => return Ok(Some(Stop::Error(p.heap.cons(r, tl)))),
                Some(Stop::Incomplete(r)) => return Ok(Some(Stop::Incomplete(p.heap.cons(r, tl)))),
            }
        } else {
            match scan_binary(p, h, from, last && tail_empty, &fits, out)? {
                None => {}
                Some(Stop::Error(r)) if matches!(to, Encoding::Latin1) => {
                    return Ok(Some(Stop::Error(p.heap.cons(r, tl))))
                }
                Some(stop) if tail_empty => return Ok(Some(stop)),
                Some(Stop::Error(r)) => return Ok(Some(Stop::Error(p.heap.list(&[r, tl])))),
                Some(Stop::Incomplete(r)) => {
                    return Ok(Some(Stop::Incomplete(p.heap.list(&[r, tl]))))
                }
            }
        }
        cell = tl;
    }
    if cell.is_nil() {
        Ok(None)
    } else {
        scan_binary(p, cell, from, last, &fits, out)
    }
}

/// [`scan_chars`] of a binary: the rest is the binary from the first bad character on.
fn scan_binary(
    p: &mut Process,
    t: Term,
    from: Encoding,
    last: bool,
    fits: &dyn Fn(char) -> bool,
    out: &mut Vec<char>,
) -> Result<Option<Stop>, ()> {
    let bytes = crate::binary::bytes(t).ok_or(())?;
    let rest = |p: &mut Process, at: usize| p.heap.binary(bytes.get(at..).unwrap_or(&[]));
    match from {
        Encoding::Utf8 => {
            let (valid, stop) = match std::str::from_utf8(bytes) {
                Ok(s) => (s, None),
                Err(e) => {
                    let at = e.valid_up_to();
                    let s = std::str::from_utf8(bytes.get(..at).unwrap_or(&[])).unwrap_or("");
                    (s, Some((at, e.error_len().is_none())))
                }
            };
            for (i, c) in valid.char_indices() {
                if !fits(c) {
                    return Ok(Some(Stop::Error(rest(p, i))));
                }
                out.push(c);
            }
            Ok(stop.map(|(at, cut)| {
                let r = rest(p, at);
                if cut && last {
                    Stop::Incomplete(r)
                } else {
                    Stop::Error(r)
                }
            }))
        }
        Encoding::Latin1 => {
            for (i, &b) in bytes.iter().enumerate() {
                let c = b as char;
                if !fits(c) {
                    return Ok(Some(Stop::Error(rest(p, i))));
                }
                out.push(c);
            }
            Ok(None)
        }
        // UTF-16 and UTF-32 input: whole binaries or a bad argument.
        _ => {
            let chars = code_points(t, from).ok_or(())?;
            for (i, &c) in chars.iter().enumerate() {
                if !fits(c) {
                    let at: usize = match from {
                        Encoding::Utf32(_) => i * 4,
                        _ => chars.iter().take(i).map(|c| c.len_utf16() * 2).sum(),
                    };
                    return Ok(Some(Stop::Error(rest(p, at))));
                }
                out.push(c);
            }
            Ok(None)
        }
    }
}

/// `unicode:characters_to_binary/3` and `characters_to_list/2`: the converted data, or
/// `{:error | :incomplete, converted, rest}`.
fn convert_chars(
    p: &mut Process,
    data: Term,
    from: Encoding,
    to: Option<Encoding>,
) -> Result<Term, Raise> {
    let mut chars = Vec::new();
    let stop = scan_chars(
        p,
        data,
        from,
        to.unwrap_or(Encoding::Utf8),
        true,
        &mut chars,
    )
    .map_err(|()| Raise::badarg())?;
    let converted = match to {
        Some(enc) => {
            let bytes = encode(&chars, enc).ok_or_else(Raise::badarg)?;
            p.heap.binary(&bytes)
        }
        None => {
            let items: Vec<Term> = chars
                .iter()
                .map(|&c| Term::small(c as i64).unwrap_or(Term::NIL))
                .collect();
            p.heap.list(&items)
        }
    };
    Ok(match stop {
        None => converted,
        Some(Stop::Error(rest)) => p.heap.tuple(&[a("error"), converted, rest]),
        Some(Stop::Incomplete(rest)) => p.heap.tuple(&[a("incomplete"), converted, rest]),
    })
}

fn convert(p: &mut Process, data: Term, from: Term, to: Term) -> Result<Term, Raise> {
    let (from, to) = (
        encoding(from).ok_or_else(Raise::badarg)?,
        encoding(to).ok_or_else(Raise::badarg)?,
    );
    convert_chars(p, data, from, Some(to))
}

fn characters_to_binary1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [d] = args else {
        return Err(Raise::badarg());
    };
    convert(p, *d, a("unicode"), a("unicode"))
}

fn characters_to_binary2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [d, from] = args else {
        return Err(Raise::badarg());
    };
    convert(p, *d, *from, a("unicode"))
}

fn characters_to_binary3(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [d, from, to] = args else {
        return Err(Raise::badarg());
    };
    convert(p, *d, *from, *to)
}

fn characters_to_list1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [d] = args else {
        return Err(Raise::badarg());
    };
    characters_to_list(p, *d, Encoding::Utf8)
}

fn characters_to_list2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [d, from] = args else {
        return Err(Raise::badarg());
    };
    characters_to_list(p, *d, encoding(*from).ok_or_else(Raise::badarg)?)
}

fn characters_to_list(p: &mut Process, data: Term, from: Encoding) -> Result<Term, Raise> {
    convert_chars(p, data, from, None)
}

/// Why a BIF call failed, argument by argument, as OTP 25's `erl_erts_errors` explains
/// it: `[{position, text}]` (empty when there is nothing specific to say). Covers the
/// BIFs programs most often get wrong.
fn bif_arg_errors(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [m, f, a] = args else {
        return Err(Raise::badarg());
    };
    let mut xs = Vec::new();
    let mut l = *a;
    while let Some((h, t)) = l.cons() {
        xs.push(h);
        l = t;
    }
    let (Some(m), Some(f)) = (m.as_atom(), f.as_atom()) else {
        return Ok(Term::NIL);
    };
    let arg = |i: usize| xs.get(i).copied().unwrap_or(Term::NIL);
    let is_bin = |t: Term| crate::binary::bits(t).is_some_and(|b| b.is_binary());
    let proper_list = |t: Term| {
        let mut t = t;
        while let Some((_, tl)) = t.cons() {
            t = tl;
        }
        t.is_nil()
    };
    let mut errs: Vec<(i64, &str)> = Vec::new();
    match (m.name(), f.name(), xs.len()) {
        ("erlang", "hd" | "tl", 1) => errs.push((1, "not a nonempty list")),
        ("erlang", "length", 1) => errs.push((1, "not a list")),
        ("erlang", "element", 2) | ("erlang", "setelement", 3) => {
            if !arg(0).is_integer() {
                errs.push((1, "not an integer"));
            }
            if arg(1).tuple().is_none() {
                errs.push((2, "not a tuple"));
            }
            if errs.is_empty() {
                errs.push((1, "out of range"));
            }
        }
        ("erlang", "tuple_size" | "tuple_to_list", 1) => errs.push((1, "not a tuple")),
        ("erlang", "list_to_tuple", 1) => errs.push((1, "not a list")),
        ("erlang", "map_size", 1) => errs.push((1, "not a map")),
        ("erlang", "byte_size" | "bit_size", 1) => errs.push((1, "not a bitstring")),
        ("erlang", "atom_to_binary" | "atom_to_list", _) => errs.push((1, "not an atom")),
        ("erlang", "binary_to_existing_atom" | "binary_to_atom", _) => {
            if !is_bin(arg(0)) {
                errs.push((1, "not a binary"));
            } else if f.name() == "binary_to_existing_atom" {
                errs.push((1, "not an already existing atom"));
            }
        }
        ("erlang", "list_to_existing_atom", 1) => errs.push((
            1,
            if proper_list(arg(0)) {
                "not an already existing atom"
            } else {
                "not a list"
            },
        )),
        ("erlang", "binary_to_integer", _) => errs.push((
            1,
            if is_bin(arg(0)) {
                "not a textual representation of an integer"
            } else {
                "not a binary"
            },
        )),
        ("erlang", "list_to_integer", _) => errs.push((
            1,
            if proper_list(arg(0)) {
                "not a textual representation of an integer"
            } else {
                "not a list"
            },
        )),
        ("erlang", "binary_to_float", 1) => errs.push((
            1,
            if is_bin(arg(0)) {
                "not a textual representation of a float"
            } else {
                "not a binary"
            },
        )),
        ("erlang", "integer_to_binary" | "integer_to_list", 1) if !arg(0).is_integer() => {
            errs.push((1, "not an integer"))
        }
        ("erlang", "map_get", 2) if !arg(1).is_map() => errs.push((2, "not a map")),
        ("erlang", "binary_to_term", 1) => errs.push((
            1,
            if is_bin(arg(0)) {
                "invalid external representation of a term"
            } else {
                "not a binary"
            },
        )),
        ("erlang", "iolist_to_binary" | "list_to_binary" | "iolist_size", 1)
        | ("binary", "list_to_bin", 1) => errs.push((1, "not an iodata term")),
        // erl_stdlib_errors' texts for `unicode`: the data is checked as Unicode chardata
        // whatever the encoding argument says.
        ("unicode", "characters_to_binary" | "characters_to_list", n) => {
            if n == 1 || code_points(arg(0), Encoding::Utf8).is_none() {
                errs.push((1, "not valid character data (an iodata term)"));
            }
            for i in 1..n {
                if encoding(arg(i)).is_none() {
                    errs.push((i as i64 + 1, "not a valid encoding"));
                }
            }
        }
        // erl_stdlib_errors' texts for the `lists` BIFs.
        ("lists", "keyfind" | "keymember" | "keysearch", 3) => {
            match arg(1).as_small() {
                Some(n) if n < 1 => errs.push((2, "out of range")),
                Some(_) => {}
                None if arg(1).is_integer() => {}
                None => errs.push((2, "not an integer")),
            }
            if let Some(e) = list_error(arg(2)) {
                errs.push((3, e));
            }
        }
        ("lists", "member", 2) => errs.extend(list_error(arg(1)).map(|e| (2, e))),
        ("lists", "reverse", 2) => errs.extend(list_error(arg(0)).map(|e| (1, e))),
        ("lists", "seq", 3) => {
            for i in 0..3 {
                if !arg(i).is_integer() {
                    errs.push((i as i64 + 1, "not an integer"));
                }
            }
            if errs.is_empty() {
                let n = |i: usize| crate::bif::bigint_of(arg(i)).unwrap_or_default();
                let (first, last, inc) = (n(0), n(1), n(2));
                let zero = num_bigint::BigInt::default();
                if inc <= zero && &first - &inc <= last {
                    errs.push((3, "not a positive increment"));
                } else if inc >= zero && &first - &inc >= last {
                    errs.push((3, "not a negative increment"));
                }
            }
        }
        ("maps", "filter" | "filtermap" | "foreach" | "map", 2) => {
            errs.extend(fun_error(arg(0), 2).map(|e| (1, e)));
            errs.extend(map_or_iter_error(arg(1)).map(|e| (2, e)));
        }
        ("maps", "fold", 3) => {
            errs.extend(fun_error(arg(0), 3).map(|e| (1, e)));
            errs.extend(map_or_iter_error(arg(2)).map(|e| (3, e)));
        }
        ("maps", "next", 1) => errs.push((1, "not a valid iterator")),
        ("maps", "update_with", 3 | 4) => {
            errs.extend(fun_error(arg(1), 1).map(|e| (2, e)));
            let last = xs.len() - 1;
            if !arg(last).is_map() {
                errs.push((last as i64 + 1, "not a map"));
            }
        }
        ("maps", "with" | "without", 2) => {
            errs.extend(list_error(arg(0)).map(|e| (1, e)));
            if !arg(1).is_map() {
                errs.push((2, "not a map"));
            }
        }
        ("maps", "merge_with" | "intersect_with", 3) => {
            errs.extend(fun_error(arg(0), 3).map(|e| (1, e)));
            for i in 1..3 {
                if !arg(i).is_map() {
                    errs.push((i as i64 + 1, "not a map"));
                }
            }
        }
        ("maps", "groups_from_list", n) => {
            for i in 0..n - 1 {
                errs.extend(fun_error(arg(i), 1).map(|e| (i as i64 + 1, e)));
            }
            errs.extend(list_error(arg(n - 1)).map(|e| (n as i64, e)));
        }
        ("erlang", "unique_integer", 1) => errs.push((
            1,
            if arg(0).is_list() {
                "invalid modifier"
            } else {
                "not a list"
            },
        )),
        ("erlang" | "os", "system_time" | "monotonic_time", 1) => {
            errs.push((1, "invalid time unit"))
        }
        ("erlang", "node", 1) => errs.push((1, "not a pid")),
        ("erlang", "send", 3)
            if (arg(0).is_pid()
                || arg(0)
                    .as_atom()
                    .is_some_and(|n| crate::sched::whereis(n).is_some()))
                && !send_options_ok(arg(2)) =>
        {
            errs.push((3, "invalid option in list"))
        }
        ("erlang", "send", 2 | 3) => errs.push((1, "invalid destination")),
        ("erlang", "spawn_opt", n) => errs.push((n as i64, "invalid spawn option")),
        ("erlang", "spawn" | "spawn_link" | "spawn_monitor", 1) => errs.push((1, "not a fun")),
        ("erlang", "spawn" | "spawn_link" | "spawn_monitor" | "hibernate", 3) => {
            for i in 0..2 {
                if !arg(i).is_atom() {
                    errs.push((i as i64 + 1, "not an atom"));
                }
            }
            if !proper_list(arg(2)) {
                errs.push((3, "not a list"));
            }
        }
        ("erlang", "exit" | "link" | "unlink" | "is_process_alive" | "garbage_collect", _)
            if !arg(0).is_pid() =>
        {
            errs.push((1, "not a pid"))
        }
        ("erlang", "monitor", 2) => {
            if arg(0).as_atom().map(|a| a.name()) != Some("process") {
                errs.push((1, "invalid monitor type"));
            } else {
                errs.push((2, "not a pid"));
            }
        }
        ("erlang", "send_after" | "start_timer", 3) => {
            if !arg(0).is_integer() {
                errs.push((1, "not an integer"));
            } else {
                errs.push((1, "out of range"));
            }
        }
        ("erlang", "cancel_timer" | "read_timer" | "demonitor", _) if !arg(0).is_reference() => {
            errs.push((1, "not a reference"))
        }
        ("erlang", "process_flag", 2) => errs.push((1, "invalid process flag")),
        ("erlang", "unregister", 1) => errs.push((1, "not a pid")),
        ("erlang", "process_info", 2) => errs.push((2, "invalid item or item list")),
        ("erlang", "whereis", 1) => errs.push((1, "not an atom")),
        ("math", _, n) => {
            for i in 0..n {
                if crate::bif::to_f64(arg(i)).is_err() {
                    errs.push((i as i64 + 1, "not a number"));
                }
            }
        }
        ("maps", "from_list" | "from_keys", _) => errs.extend(list_error(arg(0)).map(|e| (1, e))),
        (m, f, _) => errs = arg_errors::more(m, f, &xs),
    }
    let mut errs: Vec<(i64, String)> = errs.into_iter().map(|(i, t)| (i, t.to_string())).collect();
    match (m.name(), f.name(), xs.len()) {
        ("io", "format" | "fwrite", 1) => errs = io_format::error_details(arg(0), Term::NIL, 0),
        ("io", "format" | "fwrite", 2) => errs = io_format::error_details(arg(0), arg(1), 0),
        ("io", "put_chars", 1) => errs = vec![(1, BAD_CHARDATA.to_string())],
        ("io", "put_chars" | "nl", _) if !io_device(arg(0)) => {
            errs = vec![(1, "the device does not exist".to_string())]
        }
        ("io", "put_chars", 2) => errs = vec![(2, BAD_CHARDATA.to_string())],
        ("io", "format" | "fwrite", 3) if !io_device(arg(0)) => {
            errs = vec![(1, "the device does not exist".to_string())]
        }
        ("io", "format" | "fwrite", 3) => errs = io_format::error_details(arg(1), arg(2), 1),
        _ => {}
    }
    let items: Vec<Term> = errs
        .into_iter()
        .map(|(i, text)| {
            let t = p.heap.string(&text);
            p.heap.tuple(&[Term::small(i).unwrap_or(Term::NIL), t])
        })
        .collect();
    Ok(p.heap.list(&items))
}

/// Why `f` is not a fun of `arity` arguments, if it is not (erl_stdlib_errors' texts).
/// The options of `:erlang.send/3`: a list of `:noconnect` and `:nosuspend`.
fn send_options_ok(opts: Term) -> bool {
    let mut t = opts;
    while let Some((h, rest)) = t.cons() {
        if !h
            .as_atom()
            .is_some_and(|a| matches!(a.name(), "noconnect" | "nosuspend"))
        {
            return false;
        }
        t = rest;
    }
    t.is_nil()
}

fn fun_error(f: Term, arity: u8) -> Option<&'static str> {
    let ok = matches!(f.view(), crate::term::View::Fun { arity: a, .. }
        | crate::term::View::Export { arity: a, .. } if a as u64 == arity as u64);
    if ok {
        return None;
    }
    Some(match arity {
        1 => "not a fun that takes one argument",
        2 => "not a fun that takes two arguments",
        _ => "not a fun that takes three arguments",
    })
}

/// Why `t` is neither a map nor a `maps` iterator, if it is neither.
fn map_or_iter_error(t: Term) -> Option<&'static str> {
    let iter = t.is_map()
        || t.is(crate::bif::atom_term!("none"))
        || t.tuple().is_some_and(|x| x.len() == 3)
        || t.cons()
            .is_some_and(|(h, tl)| h.is_integer() && tl.is_map());
    (!iter).then_some("not a map or an iterator")
}

/// Why `t` is not a proper list (erl_stdlib_errors' `must_be_list`), if it is not.
fn list_error(t: Term) -> Option<&'static str> {
    if !t.is_list() {
        return Some("not a list");
    }
    let mut t = t;
    while let Some((_, tl)) = t.cons() {
        t = tl;
    }
    (!t.is_nil()).then_some("not a proper list")
}

/// The text of `:io.format`'s format and arguments; `badarg` when they do not fit.
fn formatted(fmt: Term, args: Term) -> Result<String, Raise> {
    let fmt = io_format::format_chars(fmt).ok_or_else(Raise::badarg)?;
    let mut xs = Vec::new();
    let mut l = args;
    while let Some((h, t)) = l.cons() {
        xs.push(h);
        l = t;
    }
    if !l.is_nil() {
        return Err(Raise::badarg());
    }
    io_format::format(&fmt, &xs).ok_or_else(Raise::badarg)
}

fn io_format1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [f] = args else {
        return Err(Raise::badarg());
    };
    io_format2(p, &[*f, Term::NIL])
}

fn io_format2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [f, a] = args else {
        return Err(Raise::badarg());
    };
    let s = formatted(*f, *a)?;
    let _ = std::io::stdout().write_all(s.as_bytes());
    let _ = p;
    Ok(Term::atom(atom::OK))
}

const BAD_CHARDATA: &str = "not valid character data (an iodata term)";

/// An output device `:io` knows: the standard ones or a process.
fn io_device(dev: Term) -> bool {
    match dev.as_atom() {
        Some(a) => matches!(a.name(), "standard_io" | "standard_error" | "user"),
        None => dev.as_pid().is_some(),
    }
}

fn io_format3(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [dev, f, a] = args else {
        return Err(Raise::badarg());
    };
    if !io_device(*dev) {
        return Err(Raise::badarg());
    }
    let s = formatted(*f, *a)?;
    let bin = p.heap.string(&s);
    put_chars(p, &[*dev, bin])
}

/// Unicode character data: a binary, or a list of characters, binaries and such lists
/// (ending in `[]` or a binary).
fn chardata(t: Term) -> bool {
    if crate::binary::bits(t).is_some_and(|b| b.is_binary()) {
        return true;
    }
    let mut l = t;
    while let Some((h, tl)) = l.cons() {
        let ok = match h.as_small() {
            Some(c) => u32::try_from(c).ok().and_then(char::from_u32).is_some(),
            None => chardata(h),
        };
        if !ok {
            return false;
        }
        l = tl;
    }
    l.is_nil() || crate::binary::bits(l).is_some_and(|b| b.is_binary())
}

/// `:io.put_chars/1`: chardata to standard output.
fn io_put_chars1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [data] = args else {
        return Err(Raise::badarg());
    };
    if !chardata(*data) {
        return Err(Raise::badarg());
    }
    put_chars(p, &[a("standard_io"), *data])
}

/// `:io.put_chars/2`: chardata to a device.
fn io_put_chars2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [dev, data] = args else {
        return Err(Raise::badarg());
    };
    if !io_device(*dev) || !chardata(*data) {
        return Err(Raise::badarg());
    }
    put_chars(p, &[*dev, *data])
}

/// `:io.nl/0`.
fn io_nl0(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    let nl = p.heap.string("\n");
    put_chars(p, &[a("standard_io"), nl])
}

/// `:io.nl/1`.
fn io_nl1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [dev] = args else {
        return Err(Raise::badarg());
    };
    if !io_device(*dev) {
        return Err(Raise::badarg());
    }
    let nl = p.heap.string("\n");
    put_chars(p, &[*dev, nl])
}

/// `:io_lib.format/2`: the text as a charlist.
fn io_lib_format(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [f, a] = args else {
        return Err(Raise::badarg());
    };
    let s = formatted(*f, *a)?;
    let items: Vec<Term> = s
        .chars()
        .map(|c| Term::small(c as i64).unwrap_or(Term::NIL))
        .collect();
    Ok(p.heap.list(&items))
}

/// The case mode of `String.upcase/2` and friends (`:ascii` is done in the library).
fn case_mode(t: Term) -> Result<casing::Mode, Raise> {
    match t.as_atom().map(|a| a.name()) {
        Some("default") => Ok(casing::Mode::Default),
        Some("greek") => Ok(casing::Mode::Greek),
        Some("turkic") => Ok(casing::Mode::Turkic),
        _ => Err(Raise::badarg()),
    }
}

/// `:beamlet.string_upcase(string, mode)`.
fn string_upcase(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [s, mode] = args else {
        return Err(Raise::badarg());
    };
    let bytes = crate::binary::bytes(*s).ok_or_else(Raise::badarg)?;
    let out = casing::upcase(bytes, case_mode(*mode)?);
    Ok(p.heap.binary(&out))
}

/// `:beamlet.string_downcase(string, mode)`.
fn string_downcase(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [s, mode] = args else {
        return Err(Raise::badarg());
    };
    let bytes = crate::binary::bytes(*s).ok_or_else(Raise::badarg)?;
    let out = casing::downcase(bytes, case_mode(*mode)?);
    Ok(p.heap.binary(&out))
}

/// `:beamlet.string_titlecase_once(string, mode)`: `{first_titlecased, rest}`.
fn string_titlecase_once(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [s, mode] = args else {
        return Err(Raise::badarg());
    };
    let bytes = crate::binary::bytes(*s).ok_or_else(Raise::badarg)?;
    let (first, n) = casing::titlecase_once(bytes, case_mode(*mode)?);
    let rest = bytes[n..].to_vec();
    let first = p.heap.binary(&first);
    let rest = p.heap.binary(&rest);
    Ok(p.heap.tuple(&[first, rest]))
}

/// `:unicode.characters_to_nf*_binary/1` of chardata: the normalized binary, or
/// `{:error, normalized_prefix, rest}` at the first byte that is not UTF-8.
fn normalized(p: &mut Process, args: &[Term], form: fn(&str) -> String) -> Result<Term, Raise> {
    let [d] = args else {
        return Err(Raise::badarg());
    };
    if let Some(bytes) = crate::binary::bytes(*d) {
        let (good, rest) = match std::str::from_utf8(bytes) {
            Ok(s) => (s, &[][..]),
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                (std::str::from_utf8(good).unwrap_or(""), rest)
            }
        };
        let text = form(good);
        let rest = rest.to_vec();
        let out = p.heap.string(&text);
        if rest.is_empty() {
            return Ok(out);
        }
        let rest = p.heap.binary(&rest);
        let error = a("error");
        return Ok(p.heap.tuple(&[error, out, rest]));
    }
    let chars = code_points(*d, Encoding::Utf8).ok_or_else(Raise::badarg)?;
    let text: String = chars.iter().collect();
    let text = form(&text);
    Ok(p.heap.string(&text))
}

fn nfc_binary(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    use unicode_normalization::UnicodeNormalization;
    normalized(p, args, |s| s.nfc().collect())
}

fn nfd_binary(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    use unicode_normalization::UnicodeNormalization;
    normalized(p, args, |s| s.nfd().collect())
}

fn nfkc_binary(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    use unicode_normalization::UnicodeNormalization;
    normalized(p, args, |s| s.nfkc().collect())
}

fn nfkd_binary(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    use unicode_normalization::UnicodeNormalization;
    normalized(p, args, |s| s.nfkd().collect())
}
