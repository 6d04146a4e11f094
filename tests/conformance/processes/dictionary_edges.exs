# Process dictionary edge cases: keys of many types (1 and 1.0 are different keys),
# stored nil vs default, pids as keys, :erlang.put/get/erase with :undefined,
# erase/0 returning everything, and dictionaries not leaking between processes.
defmodule PDict do
  def run(parent) do
    report = fn label, value -> send(parent, {:r, label, value}) end
    report.("fresh", Process.get())
    report.("erase/0 of empty", :erlang.erase())
    report.(":erlang.put new", :erlang.put(:a, 1))
    report.(":erlang.put old", :erlang.put(:a, 2))
    report.(":erlang.get", :erlang.get(:a))
    report.(":erlang.get missing", :erlang.get(:missing))
    report.(":erlang.erase/1", :erlang.erase(:a))
    report.(":erlang.erase/1 again", :erlang.erase(:a))

    Process.put(1, :int)
    Process.put(1.0, :float)
    report.("1 vs 1.0", {Process.get(1), Process.get(1.0)})
    Process.put({:t, [1, 2]}, :tuple)
    Process.put("key", :string)
    Process.put([1, 2], :list)
    Process.put(%{m: 1}, :map)
    Process.put(parent, :parent_pid)
    Process.put(self(), :own_pid)
    report.("tuple key", Process.get({:t, [1, 2]}))
    report.("string key", Process.get("key"))
    report.("list key", Process.get([1, 2]))
    report.("map key", Process.get(%{m: 1}))
    report.("pid keys", {Process.get(parent), Process.get(self())})
    report.("pid keys differ", Process.get_keys(:own_pid) == [self()])

    Process.put(:stored_nil, nil)
    report.("stored nil with default", Process.get(:stored_nil, :default))
    report.("missing with default", Process.get(:really_missing, :default))
    report.("delete missing", Process.delete(:really_missing))
    report.("delete returns value", Process.delete("key"))
    report.("get_keys :list", Process.get_keys(:list))

    all = :erlang.erase()
    plain = Enum.reject(all, fn {k, _} -> is_pid(k) end)
    report.("erase/0", Enum.sort(plain))
    report.("erase/0 count", length(all))
    report.("after erase/0", Process.get())
    send(parent, :done)
  end

  def collect do
    receive do
      {:r, label, value} -> IO.inspect(value, label: label); collect()
      :done -> :ok
    end
  end
end

Process.put(:parent_only, :secret)
spawn(PDict, :run, [self()])
PDict.collect()
IO.inspect(Process.get(:parent_only), label: "parent keeps its key")
IO.inspect(Process.get(1), label: "child's key not in parent")

# Two children writing the same key do not see each other.
me = self()
kids = for tag <- [:left, :right] do
  spawn(fn ->
    Process.put(:shared, tag)
    send(me, {:ready, tag})
    receive do
      :report -> send(me, {:value, tag, Process.get(:shared), Process.get(:parent_only)})
    end
  end)
end
for _ <- kids, do: (receive do: ({:ready, _} -> :ok))
Enum.each(kids, &send(&1, :report))
values = for _ <- kids, do: (receive do: ({:value, tag, v, p} -> {tag, v, p}))
IO.inspect(Enum.sort(values), label: "children's :shared")
IO.inspect(Process.get(:shared), label: "parent's :shared")
{:dictionary, d} = Process.info(self(), :dictionary)
IO.inspect(Keyword.get(d, :parent_only), label: "own dictionary via info")
