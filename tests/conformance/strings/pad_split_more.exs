# String.pad_leading/pad_trailing (graphemes, lists, errors), String.duplicate errors,
# String.splitter/3 (lazy, empty patterns, trim, invalid patterns).
IO.inspect(String.pad_leading("abc", 10, "12"))
IO.inspect(String.pad_trailing("abc", 8, ["é", "\u0065\u0301", "-"]))
IO.inspect(String.pad_leading("héllo", 7))
IO.inspect(String.pad_trailing("", 3, ["ab"]))
IO.inspect(String.pad_leading("x", 2, ["a", :not_used]))

for {fun, args} <- [
      {:pad_leading, ["x", 5, ["a", :b]]},
      {:pad_leading, ["x", 5, []]},
      {:pad_trailing, ["x", 5, ""]},
      {:pad_trailing, ["x", -1, " "]},
      {:duplicate, ["ab", -2]}
    ] do
  try do
    IO.inspect(apply(String, fun, args))
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

IO.inspect(String.duplicate("ab", 3))
IO.inspect(String.splitter("abc", "") |> Enum.to_list())
IO.inspect(String.splitter("abc", "", trim: true) |> Enum.to_list())
IO.inspect(String.splitter("", "") |> Enum.to_list())
IO.inspect(String.splitter("abc", []) |> Enum.to_list())
IO.inspect(String.splitter("", [], trim: true) |> Enum.to_list())
IO.inspect(String.splitter(",a,,b,", ",") |> Enum.to_list())
IO.inspect(String.splitter(",a,,b,", ",", trim: true) |> Enum.to_list())
IO.inspect(String.splitter("a-b_c-d", ["-", "_"]) |> Stream.map(&String.upcase/1) |> Enum.take(3))
IO.inspect(String.splitter("e\u0301x", "") |> Enum.to_list())

for p <- [[""], ["a", ""], :x] do
  try do
    String.splitter("abc", p)
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
