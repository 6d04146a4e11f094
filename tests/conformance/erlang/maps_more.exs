# More :maps functions: with/without, fold, map, filter, update_with, merge_with, filtermap, groups_from_list, intersect.
m = %{a: 1, b: 2}
IO.inspect(:maps.with([:a], m))
IO.inspect(:maps.without([:a], m))
IO.inspect(:maps.fold(fn k, v, acc -> [{v, k} | acc] end, [], m) |> Enum.sort())
IO.inspect(:maps.map(fn _k, v -> v * 10 end, m))
IO.inspect(:maps.filter(fn _k, v -> v > 1 end, m))
IO.inspect(:maps.update_with(:a, &(&1 + 1), m))
IO.inspect(:maps.update_with(:z, &(&1 + 1), 0, m))
IO.inspect(:maps.merge_with(fn _k, a, b -> a + b end, m, %{a: 5}))
IO.inspect(:maps.filtermap(fn _k, v -> if v > 1, do: {true, v * 2}, else: false end, m))
IO.inspect(:maps.groups_from_list(&rem(&1, 2), [1, 2, 3]))
IO.inspect(:maps.intersect(m, %{a: :x}))
