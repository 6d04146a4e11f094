# Bad arguments to the process BIFs: the BEAM's ArgumentError messages, and what is not an
# error (a fun of the wrong arity spawns, and the process crashes).
Logger.configure(level: :none)
tries = [
  fn -> receive do after -1 -> :x end end,
  fn -> receive do after :foo -> :x end end,
  fn -> receive do after 1.5 -> :x end end,
  fn -> send(:no_such_name, 1) end,
  fn -> spawn(1) end,
  fn -> is_pid(spawn(fn x -> x end)) end,
  fn -> spawn(:nomod, :nofun, :notalist) end,
  fn -> Process.exit(:a, :b) end,
  fn -> Process.link(1) end,
  fn -> Process.monitor(1) end,
  fn -> Process.register(self(), nil) end,
  fn -> Process.put(1, 2); Process.delete(1) end,
  fn -> Process.send_after(self(), :m, -5) end,
  fn -> Process.cancel_timer(:notaref) end,
  fn -> Process.flag(:bogus, 1) end,
  fn -> Process.info(self(), :bogus) end,
  fn -> :erlang.hibernate(1, 2, 3) end,
  fn -> Process.demonitor(:x) end,
]
for {f, i} <- Enum.with_index(tries) do
  try do
    IO.inspect({i, f.()})
  rescue
    e -> IO.puts("#{i}: #{inspect(e.__struct__)}: #{Exception.message(e)}")
  catch
    k, v -> IO.puts("#{i}: #{k} #{inspect(v)}")
  end
end
