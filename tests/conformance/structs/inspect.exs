# Structs print as %Name{...}; nested, in lists, long ones across lines.
defmodule Inner do
  defstruct [:v]
end

defmodule Outer.Nested do
  defstruct inner: %Inner{v: 1}, list: [], label: "x"
end

defmodule Wide do
  defstruct alpha: "aaaaaaaaaa", beta: "bbbbbbbbbb", gamma: "cccccccccc", delta: [1, 2, 3],
            epsilon: %{key: :value}
end

# Structs cannot be expanded in the file's top-level code that defines them,
# so the checks run inside a module defined after them.
defmodule Main do
  def run do
    IO.inspect(%Inner{v: :x})
    IO.inspect(%Outer.Nested{})
    IO.inspect([%Inner{v: 1}, %Inner{v: 2}])
    IO.inspect(%Wide{})
    IO.inspect({:ok, %Inner{v: %Inner{v: nil}}})
    IO.puts(inspect(%Inner{v: "s"}))
    IO.inspect(%{__struct__: Unknown.Module, a: 1})
    IO.inspect(%Inner{v: 1}, structs: false)
  end
end

Main.run()
