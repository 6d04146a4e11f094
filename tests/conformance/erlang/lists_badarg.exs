# OTP 25's explanation of bad arguments to the :lists BIFs (keyfind, member, reverse/2, seq/3).
check = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
check.(fn -> :lists.keyfind(:a, 0, []) end)
check.(fn -> :lists.keyfind(:a, :x, :y) end)
check.(fn -> :lists.keymember(:a, 1, [1 | 2]) end)
check.(fn -> :lists.keysearch(:a, 1, :x) end)
check.(fn -> :lists.member(:a, [1 | 2]) end)
check.(fn -> :lists.reverse([1 | 2], []) end)
check.(fn -> :lists.seq(1, 5, 0) end)
check.(fn -> :lists.seq(5, 1, 1) end)
check.(fn -> :lists.seq(1, 5, -1) end)
check.(fn -> :lists.seq(1, :a, 1) end)
check.(fn -> :lists.seq(:b, :a, 1) end)
check.(fn -> :lists.seq(1, 5, 1.0) end)
