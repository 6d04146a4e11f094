# case with patterns, guards, pins and a catch-all.
defmodule Sorter do
  def describe(value) do
    case value do
      {:ok, n} when is_integer(n) and n > 100 -> "big ok #{n}"
      {:ok, n} when is_integer(n) -> "ok #{n}"
      {:ok, other} -> "ok non-integer #{inspect(other)}"
      {:error, _} = err -> "error tuple #{inspect(err)}"
      [_ | _] = list when length(list) > 3 -> "long list"
      [] -> "empty list"
      x when is_binary(x) and x != "" -> "string #{x}"
      _ -> "something else"
    end
  end
end

for v <- [{:ok, 500}, {:ok, 5}, {:ok, :x}, {:error, :bad}, [1, 2, 3, 4], [], "hi", "", 3.5] do
  IO.puts(Sorter.describe(v))
end

expected = 3

for n <- [1, 3] do
  r =
    case n do
      ^expected -> :matched_pin
      other -> {:other, other}
    end

  IO.inspect(r)
end

IO.inspect(case :some_atom do
  _ -> :case_on_atom
end)
