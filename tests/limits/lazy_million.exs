# A lazy pipeline over a million elements, never materialized.
IO.puts(1..1_000_000 |> Stream.map(&(&1 * 2)) |> Stream.filter(&(rem(&1, 3) == 0)) |> Enum.sum())
