//! Runs `examples/embed.rs` (the embedding example) as a test, so CI runs every example.

#[path = "../../examples/embed.rs"]
mod embed_example;

#[test]
fn the_embedding_example_runs() {
    embed_example::main();
}
