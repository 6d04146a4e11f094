# :binary.list_to_bin/1 (an alias of list_to_binary with its own error entry).
IO.inspect(:binary.list_to_bin([1, 2, "ab", [3]]))
IO.inspect(:binary.bin_to_list("abc"))
IO.inspect(:binary.list_to_bin('hello'))
try do :binary.list_to_bin([256]) rescue e -> IO.puts(Exception.message(e)) end
