//! The `:io` functions on the standard devices: reading lines and characters from
//! standard input (`get_line`, `get_chars`, which `IO.gets/read` call) and writing
//! (`put_chars`, `nl`, `fwrite`).
//!
//! Standard input is in binary mode with unicode encoding, as Elixir sets it up: what is
//! read comes back as a binary, and `:eof` at the end of input. Reading blocks the OS
//! thread (no other process runs meanwhile; the scheduler issue will make it wait
//! without blocking).

use std::io::{BufRead, Write};

use super::flush_stdout;
use crate::bif::atom_term;
use crate::exception::Raise;
use crate::heap::TermAlloc;
use crate::inspect;
use crate::process::Process;
use crate::term::Term;

/// Where a request goes: the device names a script has.
enum Device {
    /// `:standard_io` (and `:user`): stdin and stdout.
    Io,
    /// `:standard_error`: output only.
    Error,
    /// Any other name: no such process.
    Missing,
}

fn device(d: Term) -> Result<Device, Raise> {
    match d.as_atom().map(|a| a.name()) {
        Some("standard_io" | "user") => Ok(Device::Io),
        Some("standard_error") => Ok(Device::Error),
        Some(_) => Ok(Device::Missing),
        None => Err(Raise::badarg()),
    }
}

/// Writes a prompt (chardata, an atom or a number, as the io server formats it).
fn prompt(t: Term) -> Result<(), Raise> {
    let bytes = inspect::to_string(t).map_err(|()| Raise::badarg())?;
    let _ = std::io::stdout().write_all(&bytes);
    flush_stdout();
    Ok(())
}

/// The reply of a device that cannot read: `{:error, {:request, request}}` from the
/// standard error device, `{:error, :arguments}` for a name no process has.
fn cannot_read(p: &mut Process, dev: Device, request: &[Term]) -> Term {
    let reason = match dev {
        Device::Error => {
            let req = p.heap.tuple(request);
            p.heap.tuple(&[atom_term!("request"), req])
        }
        _ => atom_term!("arguments"),
    };
    p.heap.tuple(&[atom_term!("error"), reason])
}

/// `:io.get_line/1`.
pub(super) fn get_line1(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [pr] = args else {
        return Err(Raise::badarg());
    };
    get_line2(p, &[atom_term!("standard_io"), *pr])
}

/// `:io.get_line/2`: a line with its newline (the last one may have none), or `:eof`.
pub(super) fn get_line2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [dev, pr] = args else {
        return Err(Raise::badarg());
    };
    match device(*dev)? {
        Device::Io => {}
        other => {
            let req = [atom_term!("get_line"), atom_term!("unicode"), *pr];
            return Ok(cannot_read(p, other, &req));
        }
    }
    prompt(*pr)?;
    let mut line = Vec::new();
    let read = std::io::stdin().lock().read_until(b'\n', &mut line);
    match read {
        Ok(0) => Ok(atom_term!("eof")),
        Ok(_) => Ok(p.heap.binary(&line)),
        Err(_) => Ok(io_error(p)),
    }
}

/// `:io.get_chars/2`.
pub(super) fn get_chars2(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [pr, n] = args else {
        return Err(Raise::badarg());
    };
    get_chars3(p, &[atom_term!("standard_io"), *pr, *n])
}

/// `:io.get_chars/3`: up to `n` characters (fewer at the end of input), or `:eof`.
pub(super) fn get_chars3(p: &mut Process, args: &[Term]) -> Result<Term, Raise> {
    let [dev, pr, n] = args else {
        return Err(Raise::badarg());
    };
    let count = match n.as_small() {
        Some(c) if c >= 0 => c as usize,
        _ => return Err(crate::bif::function_clause()),
    };
    match device(*dev)? {
        Device::Io => {}
        other => {
            let req = [atom_term!("get_chars"), atom_term!("unicode"), *pr, *n];
            return Ok(cannot_read(p, other, &req));
        }
    }
    prompt(*pr)?;
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let mut out = Vec::new();
    let mut chars = 0;
    loop {
        let buf = match lock.fill_buf() {
            Ok(b) => b,
            Err(_) => return Ok(io_error(p)),
        };
        let Some(&b) = buf.first() else {
            break;
        };
        // A byte that starts a UTF-8 sequence starts the next character.
        if b & 0xC0 != 0x80 {
            if chars == count {
                break;
            }
            chars += 1;
        }
        out.push(b);
        lock.consume(1);
    }
    if out.is_empty() && lock.fill_buf().map_or(true, |b| b.is_empty()) {
        return Ok(atom_term!("eof"));
    }
    Ok(p.heap.binary(&out))
}

fn io_error(p: &mut Process) -> Term {
    p.heap
        .tuple(&[atom_term!("error"), atom_term!("terminated")])
}
