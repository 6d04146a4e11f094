# Keyword lists as trailing options to functions.
defmodule Fmt do
  def pad(s, opts \\ []) do
    width = Keyword.get(opts, :width, 10)
    char = Keyword.get(opts, :char, " ")
    dir = Keyword.get(opts, :dir, :left)

    case dir do
      :left -> String.pad_leading(s, width, char)
      :right -> String.pad_trailing(s, width, char)
    end
  end

  def describe(name, opts), do: "#{name}: #{inspect(opts)}"
end

IO.puts("[" <> Fmt.pad("x") <> "]")
IO.puts("[" <> Fmt.pad("x", width: 4) <> "]")
IO.puts("[" <> Fmt.pad("x", width: 4, char: "*", dir: :right) <> "]")
IO.puts("[" <> Fmt.pad("x", dir: :right, char: ".") <> "]")
IO.puts(Fmt.describe("opts", verbose: true, level: 3))
IO.puts(Fmt.describe("list", [1, 2]))
IO.inspect(if true, do: :yes, else: :no)
IO.inspect([do: 1, else: 2])
