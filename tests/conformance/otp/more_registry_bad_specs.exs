# Registry.select and count_select refuse match specs whose head is not {key, pid, value}
# or that call a function a match spec cannot; a valid one still selects.
{:ok, _} = Registry.start_link(keys: :unique, name: R)
Registry.register(R, :a, 1)
for spec <- [[{{:"$1"}, [], [:"$1"]}], [{:_, [], [:"$_"]}], [{{:"$1", :_, :_}, [{:bad_fun, :"$1"}], [:"$1"]}], :nope, [{{:"$1", :"$2", :"$3"}, [], [{{:"$1", :"$3"}}]}]] do
  try do
    IO.inspect(Registry.select(R, spec))
  rescue
    e -> IO.inspect({e.__struct__, Exception.message(e)})
  end
end
{:ok, _} = Registry.register(R, :b, 20)
IO.inspect(Registry.count_select(R, [{{:_, :_, :"$1"}, [{:>, :"$1", 5}], [true]}]))
try do
  Registry.count_select(R, [{:bad, [], [true]}])
rescue
  e -> IO.puts(Exception.message(e))
end
