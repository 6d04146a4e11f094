# The process dictionary: put/get/delete, defaults, listing, keys, persistence across
# calls, and one dictionary per process.
defmodule PD do
  def bump(key) do
    old = Process.get(key, 0)
    Process.put(key, old + 1)
  end

  def count_words(words) do
    Enum.each(words, &bump({:word, &1}))
  end

  def fib(0), do: 0
  def fib(1), do: 1

  def fib(n) do
    case Process.get({:fib, n}) do
      nil ->
        v = fib(n - 1) + fib(n - 2)
        Process.put({:fib, n}, v)
        v

      v ->
        v
    end
  end

  def user_entries do
    Process.get() |> Enum.filter(fn {k, _} -> k in [:a, :b, :c, "str", {:t, 1}] end)
  end
end

IO.inspect(Process.get(:a), label: "missing")
IO.inspect(Process.get(:a, :default), label: "missing with default")
IO.inspect(Process.put(:a, 1), label: "first put")
IO.inspect(Process.put(:a, 2), label: "second put returns old")
IO.inspect(Process.get(:a), label: "get")
Process.put(:b, [1, 2, 3])
Process.put("str", %{x: 1})
Process.put({:t, 1}, :tuple_key)
IO.inspect(Enum.sort(PD.user_entries()), label: "entries")
IO.inspect(Enum.sort(Enum.filter(Process.get_keys(), &(&1 in [:a, :b, "str"]))), label: "keys")
IO.inspect(Process.get_keys(:tuple_key), label: "keys for value")
IO.inspect(Process.delete(:b), label: "delete returns value")
IO.inspect(Process.delete(:b), label: "delete again")
IO.inspect(Process.get(:b, :gone), label: "after delete")

PD.count_words(~w(a b a c b a))
counts = for w <- ~w(a b c d), do: {w, Process.get({:word, w}, 0)}
IO.inspect(counts, label: "word counts")
IO.inspect(PD.fib(80), label: "memo fib(80)")
IO.inspect(Process.get({:fib, 50}), label: "cached fib(50)")

parent = self()
child = spawn(fn ->
  before = Process.get(:a, :unset)
  Process.put(:a, :child_value)
  Process.put(:only_child, true)
  send(parent, {:child, before, Process.get(:a), Process.get(:only_child)})
  receive do
    :report -> send(parent, {:child_dict, Process.get(:a)})
  end
end)
receive do
  {:child, before, now, only} -> IO.inspect({before, now, only}, label: "child sees")
end
IO.inspect(Process.get(:a), label: "parent :a unchanged")
IO.inspect(Process.get(:only_child), label: "parent has no :only_child")
{:dictionary, d} = Process.info(child, :dictionary)
IO.inspect(Enum.sort(Enum.filter(d, fn {k, _} -> k in [:a, :only_child] end)), label: "info dictionary")
send(child, :report)
receive do
  {:child_dict, v} -> IO.inspect(v, label: "child still has")
end
spawn(fn ->
  empty = Process.get()
  Process.put(:z, 26)
  Process.put(:y, 25)
  Process.put(:x, 24)
  send(parent, {:fresh, empty, Enum.sort(Process.get()), Enum.sort(Process.get_keys())})
end)
receive do
  {:fresh, empty, all, keys} -> IO.inspect({empty, all, keys}, label: "fresh process")
end
Process.put(:list, [])
for i <- 1..5, do: Process.put(:list, [i | Process.get(:list)])
IO.inspect(Process.get(:list), label: "accumulated")
