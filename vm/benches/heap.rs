//! Micro-benchmarks of the heap (not tests): `cargo bench -p beamlet-vm --bench heap`.
fn main() {
    divan::main();
}
