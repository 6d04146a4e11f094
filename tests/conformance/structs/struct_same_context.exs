# A struct of this file cannot be built by the file's own top-level code (Elixir expands
# that code before the defmodule runs): a CompileError, exit status 1, nothing printed.
defmodule Point do
  defstruct x: 0, y: 0
end

IO.puts("before")
IO.inspect(%Point{x: 1})
