# in / not in, length, hd, tl, and guards that use them.
defmodule M do
  def vowel?(c) when c in 'aeiou', do: true
  def vowel?(_), do: false

  def small(l) when length(l) < 3, do: :small
  def small(_), do: :big
end

IO.inspect(2 in [1, 2, 3])
IO.inspect(4 in [1, 2, 3])
IO.inspect(4 not in [1, 2, 3])
IO.inspect(1.0 in [1])
IO.inspect(:a in [])
IO.inspect(for c <- 'education', M.vowel?(c), do: c)
IO.inspect(M.small([1, 2]))
IO.inspect(M.small([1, 2, 3]))
IO.inspect(Enum.member?([1, 2], 2))
l = Enum.to_list(1..100)
IO.inspect({hd(l), length(l), hd(tl(tl(l)))})
