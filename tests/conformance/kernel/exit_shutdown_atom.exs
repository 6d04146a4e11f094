# exit(:shutdown) at the top level ends quietly with status 0; a caught exit does not.
r =
  try do
    exit(:shutdown)
  catch
    :exit, reason -> {:caught, reason}
  end

IO.inspect(r)
exit(:shutdown)
IO.puts("never printed")
