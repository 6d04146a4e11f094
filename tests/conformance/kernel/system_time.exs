# System.os_time/system_time/schedulers_online/unique_integer and :timer.sleep (checked by type only).
IO.inspect(is_integer(System.os_time()))
IO.inspect(System.os_time(:second) > 1_600_000_000)
IO.inspect(is_integer(System.system_time(:microsecond)))
IO.inspect(System.schedulers_online() >= 1)
IO.inspect(System.unique_integer([:positive]) > 0)
:timer.sleep(5)
IO.inspect(:timer.sleep(1))
IO.puts("done")
