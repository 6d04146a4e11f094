# An uncaught MatchError from inside a function exits with status 1.
defmodule Parse do
  def ok!(x) do
    {:ok, v} = x
    v
  end
end

IO.puts(Parse.ok!({:ok, "first"}))
IO.puts(Parse.ok!({:error, :nope}))
IO.puts("never printed")
