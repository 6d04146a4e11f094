# iodata: nested lists of binaries and bytes, sizes and conversion.
data = ["Hello", ?,, " ", ["wor", ['l', ?d]], "!"]
IO.puts(data)
IO.inspect(IO.iodata_to_binary(data))
IO.inspect(IO.iodata_length(data))
IO.inspect(IO.chardata_to_string(["é", 0x1F600]))
lines = for i <- 1..3, do: ["line ", Integer.to_string(i), ?\n]
IO.write(lines)
IO.inspect(:erlang.iolist_size(["ab", [?c | "de"]]))
IO.puts(Enum.intersperse(["a", "b", "c"], ", "))
IO.puts([[], [[]], "only this"])
