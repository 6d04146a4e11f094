# Making atoms without end reaches the atom table's limit: system_limit, not a crash.
defmodule Atoms do
  def make(n), do: (String.to_atom("atom_" <> Integer.to_string(n)); make(n + 1))
end

IO.puts("start")
Atoms.make(0)
