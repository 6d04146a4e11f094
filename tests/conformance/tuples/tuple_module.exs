# Tuple functions and the tuple BIFs: append, insert_at, delete_at, duplicate, to_list, sum, product, elem/put_elem.
t = {:a, :b, :c}
IO.inspect(Tuple.append(t, :d))
IO.inspect(Tuple.append({}, 1))
IO.inspect(Tuple.insert_at(t, 0, :x))
IO.inspect(Tuple.insert_at(t, 3, :x))
IO.inspect(Tuple.delete_at(t, 1))
IO.inspect(Tuple.delete_at({1}, 0))
IO.inspect(Tuple.duplicate(0, 4))
IO.inspect(Tuple.duplicate(:x, 0))
IO.inspect(Tuple.to_list(t))
IO.inspect(Tuple.to_list({}))
IO.inspect(Tuple.sum({1, 2, 3.5}))
IO.inspect(Tuple.sum({}))
IO.inspect(Tuple.product({2, 3, 4}))
IO.inspect(Tuple.product({}))
IO.inspect(elem(t, 0))
IO.inspect(elem(t, 2))
IO.inspect(put_elem(t, 1, :B))
IO.inspect(tuple_size({}))
IO.inspect(tuple_size(Tuple.duplicate(nil, 100)))
IO.inspect(:erlang.append_element(t, :z))
IO.inspect(:erlang.make_tuple(3, :m))
IO.inspect(:erlang.setelement(1, t, :first))
IO.inspect(:erlang.element(3, t))
IO.inspect(:erlang.insert_element(2, t, :ins))
IO.inspect(:erlang.delete_element(2, t))
IO.inspect(:erlang.tuple_to_list({1, {2}}))
IO.inspect(:erlang.list_to_tuple([1, [2]]))
IO.inspect({1, 2} < {1, 2, 0})
IO.inspect({2} < {1, 1})
IO.inspect(Enum.sort([{2, :a}, {1, :b}, {1, :a}]))

for f <- [fn -> elem(t, 3) end, fn -> elem(t, -1) end, fn -> put_elem(t, 5, 0) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
