# Heredoc parsing with cond and regexes, try/rescue/after, with/else, binary comprehensions, an uncaught raise at the end.
defmodule Parser do
  def parse(text) do
    text
    |> String.split("\n", trim: true)
    |> Enum.map(&parse_line/1)
    |> Enum.reject(&is_nil/1)
  end

  defp parse_line("#" <> _), do: nil
  defp parse_line(line) do
    case String.split(line, "=", parts: 2) do
      [k, v] -> {String.trim(k) |> String.to_atom(), parse_value(String.trim(v))}
      _ -> {:error, line}
    end
  end

  defp parse_value(v) do
    cond do
      v in ["true", "false"] -> v == "true"
      Regex.match?(~r/^-?\d+$/, v) -> String.to_integer(v)
      Regex.match?(~r/^-?\d+\.\d+$/, v) -> String.to_float(v)
      true -> v
    end
  end
end

config = """
# settings
name = beamlet
cores = 2
ratio = 0.75
debug = false
broken line
"""

IO.inspect(Parser.parse(config))

defmodule Safe do
  def div(a, b) do
    try do
      {:ok, a / b}
    rescue
      ArithmeticError -> {:error, :div_by_zero}
    after
      IO.puts("div #{a}/#{b} done")
    end
  end

  def fetch(map, keys) do
    with {:ok, a} <- Map.fetch(map, hd(keys)),
         {:ok, b} <- Map.fetch(a, List.last(keys)) do
      b
    else
      :error -> :missing
    end
  end
end

IO.inspect(Safe.div(1, 2))
IO.inspect(Safe.div(1, 0))
IO.inspect(Safe.fetch(%{a: %{b: 1}}, [:a, :b]))
IO.inspect(Safe.fetch(%{a: %{}}, [:a, :b]))
IO.inspect(for <<c <- "hello">>, c != ?l, into: "", do: <<c - 32>>)
IO.inspect(Enum.sort([3, 1, 2], :desc))
IO.inspect(Enum.sort_by(["bb", "a", "ccc"], &String.length/1, :desc))
IO.write("no newline|")
IO.write(["io", ?l, "ist\n"])
IO.inspect(~w(one two three)a)
IO.inspect(Enum.map(1..3, &Integer.to_string(&1, 2)))
IO.inspect(String.reverse("héllo"))
IO.inspect(Enum.join(for(x <- 1..3, y <- [:a, :b], do: "#{x}#{y}"), ","))
{q, r} = {div(17, 5), rem(17, 5)}
IO.puts("#{q} r #{r}")
IO.inspect(Enum.reduce(1..5, &*/2))
fact = fn
  0, _f -> 1
  n, f -> n * f.(n - 1, f)
end
IO.inspect(fact.(25, fact))
IO.inspect(Enum.flat_map([[1, 2], [3]], & &1))
IO.inspect(String.upcase("straße"))
IO.inspect(Enum.count("abcabc" |> String.graphemes(), &(&1 == "a")))
IO.inspect(Map.to_list(%{b: 2, a: 1}))
IO.inspect(Kernel.is_nil(nil) and not is_nil(1))
IO.inspect(Enum.take_every(1..10, 3))
IO.inspect(List.duplicate(:x, 3))
IO.inspect(Enum.split_with(1..6, &(rem(&1, 2) == 0)))
IO.inspect(:math.pow(2, 10))
IO.inspect(Float.ceil(1.23, 1))
IO.inspect(round(2.5))
IO.inspect(Integer.pow(2, 100))
raise "final failure"
