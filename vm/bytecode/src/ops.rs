//! The instruction table: every opcode once, with a one-line formula of its semantics.
//!
//! ```text
//! Encoding of one instruction in a module file (little-endian, no alignment):
//!
//!   +--------+----------+----------+-----
//!   | opcode | operand0 | operand1 | ...        opcode: u8, its number in the table
//!   +--------+----------+----------+-----
//!
//!   operand   bytes  meaning
//!   Reg       2      a register of the current frame, R[i]
//!   Src       4      < 0x8000_0000: R[i];  else: constant K[i & 0x7fff_ffff]
//!   Label     4      an instruction index in the module's code (inside the same function)
//!   Fun       4      a function of this module, by index
//!   Import    4      an entry of the module's import table (module, name, arity)
//!   Count     4      an unsigned number (sizes, counts, flags)
//!   Byte      1      a small unsigned number (arity, class, type code)
//! ```
//!
//! In memory the loader keeps instructions as the [`crate::Instr`] enum (pinned at 20 bytes
//! by a test) and the interpreter dispatches with one `match`.
//!
//! Notes:
//! - Calls follow Lua's convention: arguments are placed in `R[base..]` and the callee's
//!   frame starts at `R[base]`, so it overwrites the caller's registers from `base` up. The
//!   compiler keeps live values below `base`.
//! - Tests (`is_*`, `test_*`, `get_map`, `bs_get`) fall through when true and jump to
//!   `fail` when false.
//! - `Count` flags of binary segments: bits 0-2 type (0 integer, 1 float, 2 binary,
//!   3 bitstring, 4 utf8, 5 utf16, 6 utf32), bit 3 signed, bits 4-5 endianness (0 big,
//!   1 little, 2 native), bits 8-15 unit. A size of `nil` means the type's default.
//! - Exception handlers are not instructions: each function has a table of
//!   `(start, end, target)` ranges (see [`crate::Handler`]); `get_exc` reads the caught
//!   exception at the target.
//! - Type codes of `test_type`: see [`crate::TypeTest`].
//! - `select_val`/`select_arity` are followed by their table: `n` `case_val` entries,
//!   one per key (the BEAM's `select_val` keeps its table as an operand list; ours is a
//!   run of fixed-size instructions, so the decoder, the label mapping and the
//!   disassembler need nothing special). A select never falls through.
//! - A binary match reads its subject through a match context, two registers: `R[ctx]` the
//!   bitstring and `R[ctx+1]` the position in it, in bits (a small integer). `bs_get`
//!   only moves the position, so matching a segment allocates nothing but the value.
//! - `receive` is a loop over the mailbox, as on the BEAM (docs/internals/receive.md):
//!   `L: recv_peek W, m; <match m, on failure: recv_next L>; recv_remove; <body>` and
//!   `W: recv_wait L, timeout; <after body>`.

/// Calls `$m!` with the instruction table. Each entry: doc line, snake name, Camel name,
/// operands. Append only: the position of an entry is its opcode number.
#[macro_export]
macro_rules! for_each_op {
    ($m:ident) => {
        $m! {
            /// R[dst] := src
            move_ = Move { dst: Reg, src: Src };
            /// pc := to
            jump = Jump { to: Label };
            /// return src to the caller (its frame is popped)
            ret = Ret { src: Src };
            /// R[dst] := F(R[base..base+arity(F)]); F's frame starts at R[base]
            call = Call { dst: Reg, base: Reg, fun: Fun };
            /// tail call: R[0..] := R[base..base+arity(F)]; pc := entry(F); the frame is reused
            call_tail = CallTail { base: Reg, fun: Fun };
            /// R[dst] := M:F(R[base..base+A]) for import (M, F, A), a BIF or code-server function
            call_ext = CallExt { dst: Reg, base: Reg, import: Import };
            /// tail call of import (M, F, A) with R[base..base+A]
            call_ext_tail = CallExtTail { base: Reg, import: Import };
            /// R[dst] := R[base].(R[base+1..base+1+arity]) (`badfun`/`badarity` if it cannot)
            call_fun = CallFun { dst: Reg, base: Reg, arity: Byte };
            /// tail call of the fun R[base] with R[base+1..base+1+arity]
            call_fun_tail = CallFunTail { base: Reg, arity: Byte };
            /// R[dst] := apply(R[base], R[base+1], R[base+2]) (module, function, argument list)
            apply = Apply { dst: Reg, base: Reg };
            /// tail call of apply(R[base], R[base+1], R[base+2])
            apply_tail = ApplyTail { base: Reg };
            /// R[dst] := bif(a) for the import (a BIF); raises what the BIF raises
            bif1 = Bif1 { dst: Reg, a: Src, import: Import };
            /// R[dst] := bif(a, b) for the import (a BIF); raises what the BIF raises
            bif2 = Bif2 { dst: Reg, a: Src, b: Src, import: Import };
            /// R[dst] := bif(a) in a guard: pc := fail if the BIF raises
            gbif1 = GBif1 { fail: Label, dst: Reg, a: Src, import: Import };
            /// R[dst] := bif(a, b) in a guard: pc := fail if the BIF raises
            gbif2 = GBif2 { fail: Label, dst: Reg, a: Src, b: Src, import: Import };
            /// R[dst] := a + b (fast path for small integers, else `:erlang.+/2`)
            add = Add { dst: Reg, a: Src, b: Src };
            /// R[dst] := a - b (fast path for small integers, else `:erlang.-/2`)
            sub = Sub { dst: Reg, a: Src, b: Src };
            /// R[dst] := a * b (fast path for small integers, else `:erlang.*/2`)
            mul = Mul { dst: Reg, a: Src, b: Src };
            /// if not a < b (term order): pc := fail
            is_lt = IsLt { fail: Label, a: Src, b: Src };
            /// if not a >= b (term order): pc := fail
            is_ge = IsGe { fail: Label, a: Src, b: Src };
            /// if not a == b: pc := fail
            is_eq = IsEq { fail: Label, a: Src, b: Src };
            /// if not a != b: pc := fail
            is_ne = IsNe { fail: Label, a: Src, b: Src };
            /// if not a === b: pc := fail
            is_eq_exact = IsEqExact { fail: Label, a: Src, b: Src };
            /// if not a !== b: pc := fail
            is_ne_exact = IsNeExact { fail: Label, a: Src, b: Src };
            /// if src is not of type `ty` (a TypeTest code): pc := fail
            test_type = TestType { fail: Label, src: Src, ty: Byte };
            /// if src is not a tuple of n elements: pc := fail
            test_arity = TestArity { fail: Label, src: Src, n: Count };
            /// if src is not a fun of arity n: pc := fail
            test_fun_arity = TestFunArity { fail: Label, src: Src, n: Count };
            /// R[head] := hd(src); R[tail] := tl(src) (src is a non-empty list)
            get_list = GetList { head: Reg, tail: Reg, src: Src };
            /// R[dst] := element(i + 1, src) (src is a tuple with more than i elements)
            get_elem = GetElem { dst: Reg, src: Src, i: Count };
            /// R[dst] := [head | tail]
            put_list = PutList { dst: Reg, head: Src, tail: Src };
            /// R[dst] := {R[base], ..., R[base+n-1]}
            put_tuple = PutTuple { dst: Reg, base: Reg, n: Count };
            /// R[dst] := %{R[base] => R[base+1], ...} with n pairs (later keys win)
            put_map = PutMap { dst: Reg, base: Reg, n: Count };
            /// R[dst] := %{src | R[base] => R[base+1], ...}; every key must exist (`{:badkey, k}`; `{:badmap, src}`)
            update_map = UpdateMap { dst: Reg, src: Src, base: Reg, n: Count };
            /// if src is not a map holding key: pc := fail; else R[dst] := src[key]
            get_map = GetMap { fail: Label, dst: Reg, src: Src, key: Src };
            /// R[dst] := a closure of F capturing R[base..base+n] (F takes its arguments, then the captures)
            make_fun = MakeFun { dst: Reg, fun: Fun, base: Reg, n: Count };
            /// raise an exception of class (0 error, 1 exit, 2 throw) with reason
            raise = Raise { class: Byte, reason: Src };
            /// raise again: class (an atom), reason and stack trace as caught
            reraise = Reraise { class: Src, reason: Src, trace: Src };
            /// R[class], R[reason], R[trace] := the exception being handled
            get_exc = GetExc { class: Reg, reason: Reg, trace: Reg };
            /// R[dst] := the bitstring of n segments: values R[base+2i], sizes R[base+2i+1], flags K[spec] (a tuple of n smalls)
            bs_build = BsBuild { dst: Reg, base: Reg, n: Count, spec: Src };
            /// read a segment of `flags` and `size` from the bitstring R[ctx] at bit R[ctx+1] into R[dst], R[ctx+1] += its size; pc := fail if it does not match
            bs_get = BsGet { fail: Label, dst: Reg, ctx: Reg, size: Src, flags: Count };
            /// if the bitstring R[ctx] has not exactly `bits` bits left after bit R[ctx+1]: pc := fail
            bs_test_size = BsTestSize { fail: Label, ctx: Reg, bits: Count };
            /// if the bitstring src's size is not a multiple of `unit` bits: pc := fail
            bs_test_unit = BsTestUnit { fail: Label, src: Src, unit: Count };
            /// R[dst] := bitstring from literal K[lit] matched against src: if src does not start with it, pc := fail; else R[dst] := the rest
            bs_skip_prefix = BsSkipPrefix { fail: Label, dst: Reg, src: Src, lit: Src };
            /// pc := the `to` of the first of the next n `case_val` entries whose key === src, else fail (src is an immediate or boxed term)
            select_val = SelectVal { fail: Label, src: Src, n: Count };
            /// if src is a tuple: pc := the `to` of the next n `case_val` entries whose key (a small integer) is its arity; else pc := fail
            select_arity = SelectArity { fail: Label, src: Src, n: Count };
            /// an entry of the `select_*` table above it (key: a constant); run on its own: pc := to
            case_val = CaseVal { key: Src, to: Label };
            /// R[dst] := the message at the save pointer of the mailbox; pc := empty if the scan has passed the last message
            recv_peek = RecvPeek { empty: Label, dst: Reg };
            /// the save pointer moves past the message just peeked; pc := to
            recv_next = RecvNext { to: Label };
            /// take the message at the save pointer out of the mailbox; the save pointer goes back to the oldest message, the receive's timer stops
            recv_remove = RecvRemove {};
            /// wait for a new message (then pc := to) at most `timeout` ms (an integer >= 0 or `:infinity`); when the time is up, fall through with the save pointer back at the oldest message
            recv_wait = RecvWait { to: Label, timeout: Src };
            /// if src is the reference this process made last, the scan starts at the first message that arrived after it was made
            recv_mark = RecvMark { src: Src };
            /// if src is not a bitstring: pc := fail; else the match context R[ctx], R[ctx+1] := src, 0
            bs_start = BsStart { fail: Label, ctx: Reg, src: Src };
            /// if src is not a non-empty list: pc := fail; else R[head] := hd(src); R[tail] := tl(src) (`test_type cons` and `get_list` in one dispatch)
            match_list = MatchList { fail: Label, head: Reg, tail: Reg, src: Src };
        }
    };
}
