# Captures of Kernel functions as Elixir makes them: inlined ones are external funs of
# :erlang or Kernel (inspect shows them so), and they still work when called.
IO.inspect(&abs/1)
IO.inspect(&length/1)
IO.inspect(&is_atom/1)
IO.inspect(&Kernel.abs/1)
IO.inspect(&elem/2)
IO.inspect(&+/2)
IO.inspect(&-/1)
IO.inspect(&!==/2)
IO.inspect(&===/2)
IO.inspect(&++/2)
IO.inspect(&not/1)
IO.inspect(&put_elem/3)
IO.inspect(&inspect/1)
IO.inspect(&Kernel.inspect/2)
IO.inspect(&div/2)
IO.inspect(&max/2)
IO.inspect(&Kernel.+/2)
IO.inspect(Enum.map([-1, 2], &abs/1))
IO.inspect(Enum.reduce([1, 2, 3], &+/2))
IO.inspect(Enum.map([{1, 2}], &elem(&1, 1)))
IO.inspect(Enum.map([[1], []], &length/1))
IO.inspect(Enum.map([1.5], &Kernel.round/1))
IO.inspect(Enum.zip_with([1], [2], &-/2))
IO.inspect((&-/1).(5))
IO.inspect((&not/1).(true))
IO.inspect(Enum.map([1], &inspect/1))
for {name, f} <- [
  {"apply", &apply/2}, {"send", &send/2}, {"spawn1", &spawn/1}, {"spawn3", &spawn/3}, {"spawn_link", &spawn_link/1}, {"spawn_monitor", &spawn_monitor/1},
  {"get_in", &get_in/2}, {"put_in", &put_in/3}, {"update_in", &update_in/3}, {"pop_in", &pop_in/2}, {"get_and_update_in", &get_and_update_in/3},
  {"struct", &struct/1}, {"struct2", &struct/2}, {"struct!", &struct!/2},
  {"function_exported?", &function_exported?/3}, {"=~", &=~/2},
  {"is_map_key", &is_map_key/2}, {"self", &self/0}, {"make_ref", &make_ref/0}, {"node0", &node/0}, {"node1", &node/1},
  {"binary_part", &binary_part/3}, {"is_function2", &is_function/2}, {"inspect2", &inspect/2}] do
  IO.puts("#{name} #{inspect(f)}")
end
IO.inspect(is_function(&is_nil/1, 1))
IO.inspect((&is_map_key/2).(%{a: 1}, :a))
IO.inspect(Enum.map([%{a: 1}], &get_in(&1, [:a])))
IO.inspect(Enum.map([[a: 1]], &Kernel.get_in(&1, [:a])))
