//! The operating system as scripts see it: `System.argv/0`, environment variables and
//! the file functions behind `File` (`stdlib/lib/file.ex`). Errors are the POSIX atoms
//! `:file` returns (`:enoent`, `:eacces`, ...).

use std::sync::OnceLock;

use crate::atom::{self, Atom};
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::process::Process;
use crate::term::Term;

static ARGV: OnceLock<Vec<String>> = OnceLock::new();

/// Sets the script's arguments (once, before it runs).
pub fn set_argv(args: Vec<String>) {
    let _ = ARGV.set(args);
}

fn a(name: &str) -> Term {
    Term::atom(Atom::intern(name).unwrap_or(atom::NIL))
}

fn bytes_of(t: Term) -> Option<&'static [u8]> {
    crate::binary::bits(t).and_then(|b| b.as_bytes())
}

/// A path argument: a binary or a charlist.
fn path_of(t: Term) -> Option<std::path::PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    if let Some(b) = bytes_of(t) {
        return Some(std::path::PathBuf::from(std::ffi::OsStr::from_bytes(b)));
    }
    let text = crate::inspect::to_string(t).ok()?;
    Some(std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&text)))
}

/// The POSIX name of an I/O error, as `:file` reports it.
fn posix(e: &std::io::Error) -> &'static str {
    match e.raw_os_error() {
        Some(libc::ENOENT) => "enoent",
        Some(libc::EACCES) => "eacces",
        Some(libc::EEXIST) => "eexist",
        Some(libc::EISDIR) => "eisdir",
        Some(libc::ENOTDIR) => "enotdir",
        // Erlang's file driver reports a non-empty directory as `eexist` (rmdir).
        Some(libc::ENOTEMPTY) => "eexist",
        Some(libc::ENOSPC) => "enospc",
        Some(libc::EPERM) => "eperm",
        Some(libc::EROFS) => "erofs",
        Some(libc::ENAMETOOLONG) => "enametoolong",
        Some(libc::ELOOP) => "eloop",
        Some(libc::EBUSY) => "ebusy",
        Some(libc::EXDEV) => "exdev",
        _ => "eio",
    }
}

fn error(p: &mut Process, e: &std::io::Error) -> Term {
    let reason = a(posix(e));
    p.heap.tuple(&[Term::atom(atom::ERROR), reason])
}

fn ok_with(p: &mut Process, v: Term) -> Term {
    p.heap.tuple(&[Term::atom(atom::OK), v])
}

/// `:beamlet.argv()`.
pub fn argv(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    let args = ARGV.get().map(Vec::as_slice).unwrap_or(&[]);
    let items: Vec<Term> = args.iter().map(|s| p.heap.binary(s.as_bytes())).collect();
    Ok(p.heap.list(&items))
}

/// `:beamlet.getenv(name)`: the value or `nil`.
pub fn getenv(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let [name] = args else {
        return Err(Raise::badarg());
    };
    let name = bytes_of(*name).ok_or_else(Raise::badarg)?;
    Ok(match std::env::var_os(std::ffi::OsStr::from_bytes(name)) {
        Some(v) => p.heap.binary(&v.into_vec()),
        None => Term::NIL_ATOM,
    })
}

/// `:beamlet.environ()`: `[{name, value}]`.
pub fn environ(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    use std::os::unix::ffi::OsStringExt;
    let mut items = Vec::new();
    for (k, v) in std::env::vars_os() {
        let k = p.heap.binary(&k.into_vec());
        let v = p.heap.binary(&v.into_vec());
        items.push(p.heap.tuple(&[k, v]));
    }
    Ok(p.heap.list(&items))
}

/// `:beamlet.putenv(name, value)`; `value` nil unsets.
pub fn putenv(_p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    use std::os::unix::ffi::OsStrExt;
    let [name, value] = args else {
        return Err(Raise::badarg());
    };
    let name = bytes_of(*name).ok_or_else(Raise::badarg)?;
    if name.is_empty() || name.contains(&b'=') || name.contains(&0) {
        return Err(Raise::badarg());
    }
    let name = std::ffi::OsStr::from_bytes(name);
    match bytes_of(*value) {
        Some(v) if !v.contains(&0) => std::env::set_var(name, std::ffi::OsStr::from_bytes(v)),
        None if value.is(Term::NIL_ATOM) => std::env::remove_var(name),
        _ => return Err(Raise::badarg()),
    }
    Ok(Term::atom(atom::OK))
}

/// `:beamlet.file_read(path)`: `{:ok, binary}` or `{:error, posix}`.
pub fn file_read(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [path] = args else {
        return Err(Raise::badarg());
    };
    let path = path_of(*path).ok_or_else(Raise::badarg)?;
    Ok(match std::fs::read(&path) {
        Ok(bytes) => {
            let b = p.heap.binary(&bytes);
            ok_with(p, b)
        }
        Err(e) => error(p, &e),
    })
}

/// `:beamlet.file_write(path, iodata, append?)`: `:ok` or `{:error, posix}`.
pub fn file_write(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    use std::io::Write;
    let [path, data, append] = args else {
        return Err(Raise::badarg());
    };
    let path = path_of(*path).ok_or_else(Raise::badarg)?;
    let bytes = crate::inspect::to_string(*data).map_err(|()| Raise::badarg())?;
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .append(append.is(Term::TRUE))
        .truncate(!append.is(Term::TRUE))
        .open(&path);
    Ok(match file.and_then(|mut f| f.write_all(&bytes)) {
        Ok(()) => Term::atom(atom::OK),
        Err(e) => error(p, &e),
    })
}

/// `:beamlet.file_op(op, path)` for `:exists`, `:dir`, `:regular` (booleans), `:rm`,
/// `:rmdir`, `:mkdir`, `:mkdir_p`, `:touch` (`:ok` / `{:error, posix}`) and `:ls`
/// (`{:ok, names}`).
pub fn file_op(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    use std::os::unix::ffi::OsStringExt;
    let [op, path] = args else {
        return Err(Raise::badarg());
    };
    let op = op.as_atom().ok_or_else(Raise::badarg)?;
    let path = path_of(*path).ok_or_else(Raise::badarg)?;
    let done = |p: &mut Process, r: std::io::Result<()>| match r {
        Ok(()) => Term::atom(atom::OK),
        Err(e) => error(p, &e),
    };
    Ok(match op.name() {
        "exists" => Term::boolean(path.exists()),
        "dir" => Term::boolean(path.is_dir()),
        "regular" => Term::boolean(path.is_file()),
        "rm" => {
            let r = std::fs::remove_file(&path);
            done(p, r)
        }
        "rmdir" => {
            let r = std::fs::remove_dir(&path);
            done(p, r)
        }
        "mkdir" => {
            let r = std::fs::create_dir(&path);
            done(p, r)
        }
        "mkdir_p" => {
            let r = std::fs::create_dir_all(&path);
            done(p, r)
        }
        "touch" => {
            let r = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map(|_| ());
            done(p, r)
        }
        "ls" => match std::fs::read_dir(&path) {
            Ok(entries) => {
                // Erlang lists a directory in the reverse of the order `readdir` gives.
                let mut names: Vec<Vec<u8>> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().into_vec())
                    .collect();
                names.reverse();
                let items: Vec<Term> = names.iter().map(|n| p.heap.binary(n)).collect();
                let list = p.heap.list(&items);
                ok_with(p, list)
            }
            Err(e) => error(p, &e),
        },
        _ => return Err(Raise::badarg()),
    })
}

/// `:beamlet.cwd()`: `{:ok, path}`.
pub fn cwd(p: &mut Process, _args: &[Term]) -> Result<Term, Raise> {
    use std::os::unix::ffi::OsStringExt;
    Ok(match std::env::current_dir() {
        Ok(d) => {
            let b = p.heap.binary(&d.into_os_string().into_vec());
            ok_with(p, b)
        }
        Err(e) => error(p, &e),
    })
}
