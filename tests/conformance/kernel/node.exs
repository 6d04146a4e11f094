# node/0: a script runs on the node :nonode@nohost.
IO.inspect(node())
IO.inspect(:erlang.node())
IO.inspect(is_atom(node()))
IO.puts("running on #{node()}")
