# OTP's :queue (its data format and rebalancing), used for a breadth-first search.
defmodule Graph do
  def bfs(graph, start) do
    bfs(graph, :queue.in(start, :queue.new()), MapSet.new([start]), [])
  end

  defp bfs(graph, q, seen, acc) do
    case :queue.out(q) do
      {:empty, _} -> Enum.reverse(acc)
      {{:value, node}, q} ->
        next = Map.get(graph, node, []) |> Enum.reject(&MapSet.member?(seen, &1))
        q = Enum.reduce(next, q, &:queue.in/2)
        bfs(graph, q, Enum.into(next, seen), [node | acc])
    end
  end
end

g = %{a: [:b, :c], b: [:d], c: [:d, :e], d: [:f], e: [:f], f: []}
IO.inspect(Graph.bfs(g, :a))
IO.inspect(:lists.sort([3, 1, 2]))
IO.inspect(:lists.usort([3, 1, 3]))
IO.inspect(:string.trim("  x "))
IO.inspect(:io_lib.format("~p", [[1, 2]]) |> IO.iodata_to_binary())
q = :queue.from_list([1, 2, 3, 4, 5])
IO.inspect(q)
IO.inspect(:queue.in(6, q))
IO.inspect(:queue.out(q))
IO.inspect(:queue.out_r(q))
IO.inspect(:queue.to_list(:queue.in_r(0, q)))
IO.inspect({:queue.len(q), :queue.is_empty(q), :queue.is_empty(:queue.new()), :queue.member(3, q)})
IO.inspect({:queue.peek(q), :queue.peek_r(q), :queue.get(q), :queue.get_r(q)})
IO.inspect(:queue.drop(q) |> :queue.drop_r() |> :queue.to_list())
IO.inspect(:queue.reverse(q) |> :queue.to_list())
IO.inspect(:queue.join(q, :queue.from_list([9])) |> :queue.to_list())
IO.inspect(:queue.filter(fn x -> rem(x, 2) == 0 end, q) |> :queue.to_list())
IO.inspect(:queue.filter(fn x -> [x, x] end, :queue.from_list([1, 2])) |> :queue.to_list())
IO.inspect(:queue.fold(fn x, acc -> [x | acc] end, [], q))
IO.inspect(:queue.out(:queue.new()))
steps = Enum.reduce(1..6, :queue.new(), fn i, acc -> :queue.in(i, acc) end)
IO.inspect(steps)
{{:value, a}, rest} = :queue.out(steps)
IO.inspect({a, rest})
try do :queue.get(:queue.new()) rescue e -> IO.inspect(e) end
try do :queue.len(:nope) rescue e -> IO.puts(Exception.message(e)) end
