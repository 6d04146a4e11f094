# Errors raised by the runtime, rescued and described by Exception.message/1.
defmodule Boom do
  def divide(a, b), do: a / b
  def int_div(a, b), do: div(a, b)
  def add(a, b), do: a + b
  def only_ints(x) when is_integer(x), do: x
  def first(l), do: hd(l)
  def atom_len(a), do: length(a)
  def elem_of(t), do: elem(t, 5)
  def to_atom(x), do: String.to_existing_atom(x)
  def int(s), do: String.to_integer(s)
end

attempts = [
  fn -> Boom.divide(1, 0) end,
  fn -> Boom.int_div(1, 0) end,
  fn -> Boom.add(1, :a) end,
  fn -> Boom.only_ints(:a) end,
  fn -> Boom.first([]) end,
  fn -> Boom.atom_len(:a) end,
  fn -> Boom.elem_of({1}) end,
  fn -> Boom.to_atom("surely_not_an_existing_atom_xyz") end,
  fn -> Boom.int("12x") end,
  fn -> Map.fetch!(%{a: 1}, :b) end,
  fn -> Keyword.fetch!([a: 1], :b) end,
  fn -> List.to_tuple(:a) end
]

for f <- attempts do
  try do
    f.()
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
