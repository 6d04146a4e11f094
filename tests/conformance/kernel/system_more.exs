# System and :erlang time, unique integers, node/1, :timer.sleep and their errors.
check = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

a = System.unique_integer([:positive, :monotonic])
b = System.unique_integer([:positive, :monotonic])
IO.inspect(b > a)
IO.inspect(is_integer(System.unique_integer()))
IO.inspect(is_integer(System.system_time()))
t = System.system_time(:millisecond)
IO.inspect(abs(System.os_time(:millisecond) - t) < 60_000)
IO.inspect(abs(:erlang.system_time(:second) - :os.system_time(:second)) < 60)
IO.inspect(div(System.system_time(1000), 1000) - System.system_time(:second) in [-1, 0])
IO.inspect(System.schedulers_online() == System.schedulers_online())
IO.inspect(:timer.sleep(0))
check.(fn -> :timer.sleep(-1) end)
check.(fn -> :timer.sleep(:x) end)
check.(fn -> :timer.sleep(1.5) end)
check.(fn -> System.unique_integer([:bad]) end)
check.(fn -> :erlang.unique_integer(:bad) end)
check.(fn -> node(:x) end)
check.(fn -> :math.erf(:x) end)
check.(fn -> :math.erfc(Integer.pow(10, 400)) end)
check.(fn -> System.os_time(:foo) end)
check.(fn -> :erlang.system_time(:foo) end)
IO.inspect({:math.erf(3.0), :math.erfc(3.0), :math.erf(-0.0), :math.erfc(-1)})
IO.inspect(is_exception(%ArgumentError{}, ArgumentError))
IO.inspect(is_exception(%{__struct__: ArgumentError}, ArgumentError))
IO.inspect(is_exception(:x, ArgumentError))
