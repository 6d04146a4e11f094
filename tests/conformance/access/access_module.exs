# Access: brackets on maps/keyword/nil, get_in/put_in/update_in/pop_in with Access.key/at/elem/all/filter.
data = %{users: [%{name: "ann", age: 30}, %{name: "bob", age: 25}], meta: {:v, 1}}
IO.inspect(data[:users] |> length())
IO.inspect(data[:nope])
IO.inspect(nil[:anything])
IO.inspect([a: 1][:a])
IO.inspect(%{"k" => %{"n" => 1}}["k"]["n"])
IO.inspect(get_in(data, [:users, Access.at(0), :name]))
IO.inspect(get_in(data, [:users, Access.all(), :name]))
IO.inspect(get_in(data, [:users, Access.filter(&(&1.age > 26)), :name]))
IO.inspect(get_in(data, [:meta, Access.elem(1)]))
IO.inspect(get_in(data, [:missing, :deeper]))
IO.inspect(get_in(data, [:users, Access.at(5)]))
IO.inspect(get_in(data, [:users, Access.at(-1), :age]))
IO.inspect(put_in(data, [:users, Access.at(1), :age], 26).users)
IO.inspect(update_in(data, [:users, Access.all(), :age], &(&1 + 1)).users)
IO.inspect(put_in(data, [:meta, Access.elem(0)], :w).meta)
IO.inspect(put_in(%{}, [:a], 1))
IO.inspect(put_in(%{a: %{}}, [:a, :b], 2))
IO.inspect(update_in([a: [b: 1]], [:a, :b], &(&1 * 5)))
IO.inspect(pop_in(data, [:users, Access.at(0)]) |> elem(1) |> Map.get(:users))
IO.inspect(pop_in(%{a: 1, b: 2}, [:a]))
IO.inspect(pop_in(%{a: 1}, [:zz]))
IO.inspect(get_and_update_in(%{a: %{b: 1}}, [:a, :b], &{&1, &1 + 100}))
IO.inspect(get_in(%{a: 1}, [Access.key(:a)]))
IO.inspect(get_in(%{}, [Access.key(:a, :dflt)]))
IO.inspect(put_in(%{}, [Access.key(:a, %{}), Access.key(:b)], 1))
IO.inspect(Access.fetch(%{a: 1}, :a))
IO.inspect(Access.fetch([a: 1], :b))
IO.inspect(Access.get(%{a: 1}, :b, 0))
IO.inspect(Access.pop(%{a: 1, b: 2}, :a))
IO.inspect(Access.get_and_update(%{a: 1}, :a, fn v -> {v, v * 2} end))
IO.inspect(update_in(%{list: [1, 2, 3]}, [:list, Access.all()], &(&1 * 2)))
IO.inspect(get_in([%{a: 1}, %{a: 2}], [Access.all(), :a]))
IO.inspect(get_in({1, {2, 3}}, [Access.elem(1), Access.elem(0)]))
IO.inspect(get_in(%{a: [x: 1]}, [:a, :x]))

for f <- [
      fn -> put_in(%{a: 1}, [:a, :b], 2) end,
      fn -> get_in(%{a: {1}}, [:a, Access.elem(3)]) end,
      fn -> get_in([1, 2], [:a]) end,
      fn -> Access.fetch(1, :a) end,
      fn -> [1, 2][0] end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
