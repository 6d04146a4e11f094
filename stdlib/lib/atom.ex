defmodule Atom do
  def to_string(atom) when is_atom(atom), do: :erlang.atom_to_binary(atom)
  def to_charlist(atom) when is_atom(atom), do: :erlang.atom_to_list(atom)
end
