# exit({:shutdown, 3}) at the top level: elixir stops quietly with that status.
IO.puts("before")
exit({:shutdown, 3})
