defmodule Atom do
  def to_string(atom), do: :erlang.atom_to_binary(atom)
  def to_charlist(atom), do: :erlang.atom_to_list(atom)
end
