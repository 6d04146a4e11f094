# A call in a `try`'s `else`, `rescue` or `catch` clause is a tail call when the `try`
# is (and has no `after`): a loop through them runs in constant stack.
defmodule L do
  def depth_ok do
    {:stack_size, s} = Process.info(self(), :stack_size)
    s < 1000
  end

  def loop(0), do: {:done, depth_ok()}

  def loop(n) do
    try do
      n
    rescue
      _ -> :err
    else
      x -> loop(x - 1)
    end
  end

  def loop2(0), do: {:done2, depth_ok()}

  def loop2(n) do
    try do
      if rem(n, 2) == 0, do: raise("x"), else: n
    rescue
      _ -> loop2(n - 1)
    catch
      :throw, _ -> :never
    else
      x -> loop2(x - 1)
    end
  end

  def loop3(0), do: {:done3, depth_ok()}

  def loop3(n) do
    try do
      throw(n)
    catch
      :throw, m -> loop3(m - 1)
    end
  end

  # With `after`, the clauses are not in tail position: the stack grows, and the
  # `after` bodies run innermost first.
  def with_after(0, acc), do: acc

  def with_after(n, acc) do
    try do
      n
    else
      x -> with_after(x - 1, [x | acc])
    after
      send(self(), {:after, n})
    end
  end

  def else_no_match(x) do
    try do
      x
    else
      :a -> 1
    end
  end
end

IO.inspect(L.loop(300_000))
IO.inspect(L.loop2(300_000))
IO.inspect(L.loop3(300_000))
IO.inspect(L.with_after(3, []))
IO.inspect(for _ <- 1..3, do: receive(do: ({:after, n} -> n)))
IO.inspect(try do L.else_no_match(:b) rescue e -> e end)
