# struct/2 drops unknown keys, and accepts a struct (not only a module) as its first argument.
defmodule Point do
  defstruct x: 0, y: 0
end

defmodule Main do
  def run do
    p = %Point{x: 1, y: 2}
    IO.inspect(struct(Point, x: 5, z: 9))
    IO.inspect(struct(Point, %{"x" => 1, y: 3}))
    IO.inspect(struct(p, x: 10))
    IO.inspect(struct(p, w: 10))
  end
end

Main.run()
