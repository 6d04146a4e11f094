//! The `vm` binary: a few lines that hand over to [`beamlet_cli::cli::main`].

/// mimalloc: see the workspace Cargo.toml for why.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// After many processes exited, an idle scheduler asks mimalloc to hand its free memory
/// back to the OS.
fn release_memory() {
    // SAFETY: mi_collect only frees memory mimalloc holds and nobody uses.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

/// mimalloc's `mi_option_arena_eager_commit` (v3's option enum): commit arena memory as
/// it is used, not up front, so that start-up does not pay for page faults it does not need.
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

fn main() -> std::process::ExitCode {
    // SAFETY: setting an option before the threads start.
    unsafe { libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0) };
    beamlet_vm::sched::set_memory_release(release_memory);
    beamlet_cli::cli::main()
}
