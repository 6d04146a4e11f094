# try/catch of throw, exit and error, with kinds.
r1 =
  try do
    throw(:ball)
  catch
    thrown -> {:caught, thrown}
  end

IO.inspect(r1)

r2 =
  try do
    exit(:goodbye)
  catch
    :exit, reason -> {:exit_caught, reason}
  end

IO.inspect(r2)

r3 =
  try do
    :erlang.error(:custom_reason)
  catch
    :error, reason -> {:error_caught, reason}
  end

IO.inspect(r3)

r3b =
  try do
    throw({:explicit, :kind})
  catch
    :throw, value -> {:throw_kind, value}
  end

IO.inspect(r3b)

r4 =
  try do
    1 / Enum.count([])
  catch
    kind, reason -> {kind, reason}
  end

IO.inspect(r4)

defmodule Finder do
  def find(list, target) do
    try do
      for x <- list, do: if(x == target, do: throw({:found, x}))
      :not_found
    catch
      {:found, x} -> {:ok, x}
    end
  end
end

IO.inspect(Finder.find([1, 2, 3], 2))
IO.inspect(Finder.find([1, 2, 3], 9))
one_liner = try(do: throw(42), catch: (x -> x + 1))
IO.inspect(one_liner)
