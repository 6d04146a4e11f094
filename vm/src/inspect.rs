//! `inspect/2` and `to_string/1` with Elixir's exact formatting.
