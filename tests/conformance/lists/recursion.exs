# List functions written by hand with recursion.
defmodule MyList do
  def reverse(l), do: reverse(l, [])
  defp reverse([], acc), do: acc
  defp reverse([h | t], acc), do: reverse(t, [h | acc])

  def map([], _f), do: []
  def map([h | t], f), do: [f.(h) | map(t, f)]

  def filter([], _p), do: []
  def filter([h | t], p), do: if(p.(h), do: [h | filter(t, p)], else: filter(t, p))

  def foldl([], acc, _f), do: acc
  def foldl([h | t], acc, f), do: foldl(t, f.(h, acc), f)

  def range(a, b) when a > b, do: []
  def range(a, b), do: [a | range(a + 1, b)]

  def zip([a | as], [b | bs]), do: [{a, b} | zip(as, bs)]
  def zip(_, _), do: []
end

nums = MyList.range(1, 10)
IO.inspect(nums)
IO.inspect(MyList.reverse(nums))
IO.inspect(MyList.map(nums, fn x -> x * x end))
IO.inspect(MyList.filter(nums, fn x -> rem(x, 3) == 0 end))
IO.inspect(MyList.foldl(nums, 0, fn x, acc -> x + acc end))
IO.inspect(MyList.zip(nums, [:a, :b, :c]))
IO.inspect(MyList.reverse(MyList.range(1, 100_000)) |> hd())
