# IO.inspect with label:, in pipelines.
IO.inspect(42, label: "answer")
IO.inspect([1, 2, 3], label: "list")
IO.inspect(%{a: 1}, label: :atom_label)
IO.inspect(Enum.to_list(1..40), label: "long list with a label")

result =
  [3, 1, 2]
  |> IO.inspect(label: "input")
  |> Enum.sort()
  |> IO.inspect(label: "sorted")
  |> Enum.map(&(&1 * 10))
  |> IO.inspect(label: "scaled")

IO.inspect(result == [10, 20, 30], label: "equal")
IO.inspect("str", label: "")
