# :rand with a seed draws what OTP draws (exsss): uniform/0,1 from integer, tuple and list
# seeds, ranges past 2^58, an exported state, and the errors of bad arguments.
import Bitwise
:rand.seed(:exsss, 42)
IO.inspect(for _ <- 1..5, do: :rand.uniform(100))
IO.inspect(:rand.uniform())
:rand.seed(:exsss, {1, 2, 3})
IO.inspect(for _ <- 1..5, do: :rand.uniform(1000))
:rand.seed(:default, -7)
IO.inspect(:rand.uniform(1 <<< 60))
IO.inspect(:rand.uniform(1 <<< 58))
IO.inspect(:rand.uniform((1 <<< 58) + 1))
IO.inspect(:rand.uniform(12345678901234567890123456789))
IO.inspect(:rand.uniform(1 <<< 100))
:rand.seed(:exsss, [5, 9])
IO.inspect(:rand.uniform(6))
s = :rand.seed(:exsss, 123_456_789_012_345_678_901)
IO.inspect(elem(s, 1))
IO.inspect(:rand.uniform(10))
:rand.seed({:exsss, [1 | 2]})
IO.inspect(:rand.uniform(1000000))
check = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
check.(fn -> :rand.uniform(0) end)
check.(fn -> :rand.uniform(:a) end)
check.(fn -> :rand.seed(:foo, 1) end)
check.(fn -> :rand.seed(:exsss, [0, 0]) end)
check.(fn -> :rand.seed(:exsss, [1, 2, 3]) end)
check.(fn -> :rand.seed(:exsss, :x) end)
