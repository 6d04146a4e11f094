# struct/2, struct!/2, Map functions on structs, Map.from_struct, __struct__, comparison, Access and Enum errors on structs.
defmodule Point do
  defstruct x: 0, y: 0
end

defmodule Main do
  def run do
    p = %Point{x: 1, y: 2}
    IO.inspect(struct(Point))
    IO.inspect(struct(Point, %{y: 7}))
    IO.inspect(struct!(Point, x: 3))
    IO.inspect(Map.from_struct(p))
    IO.inspect(Map.from_struct(Point))
    IO.inspect(p.__struct__)
    IO.inspect(Map.keys(p))
    IO.inspect(Map.values(p))
    IO.inspect(Map.put(p, :x, 100))
    IO.inspect(Map.get(p, :y))
    IO.inspect(Map.to_list(p))
    IO.inspect(map_size(p))
    IO.inspect(is_map(p))
    IO.inspect(is_struct(p))
    IO.inspect(is_struct(%{x: 1}))
    IO.inspect(%Point{} == %Point{x: 0, y: 0})
    IO.inspect(%Point{} == %{x: 0, y: 0})
    IO.inspect(%{x: 1, y: 2} = p)
    %Point{x: x} = p
    IO.inspect(x)
    IO.inspect(match?(%Point{}, %{x: 1, y: 2}))
    IO.inspect(match?(%{__struct__: Point}, p))
    IO.inspect(Map.delete(p, :__struct__))
    IO.inspect(Enum.sort([%Point{x: 2}, %Point{x: 1}]))
    IO.inspect(Point.__struct__())
    IO.inspect(Point.__struct__(x: 9))
    IO.inspect(get_in(p, [Access.key(:x)]))
    IO.inspect(put_in(p.y, 20))
    IO.inspect(update_in(p, [Access.key(:x)], &(&1 - 1)))
    IO.inspect(Map.merge(p, %{y: -1}))
    IO.inspect(Map.update!(p, :x, &(&1 * 3)))

    for f <- [fn -> p[:x] end, fn -> struct!(Point, z: 1) end, fn -> Map.fetch!(p, :z) end, fn -> p.z end] do
      try do
        IO.inspect(f.())
      rescue
        e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end
  end
end

Main.run()
