# Plain recursion: Ackermann, Hanoi, mutual recursion, GCD.
defmodule R do
  def ack(0, n), do: n + 1
  def ack(m, 0), do: ack(m - 1, 1)
  def ack(m, n), do: ack(m - 1, ack(m, n - 1))

  def hanoi(0, _from, _to, _via), do: 0
  def hanoi(n, from, to, via), do: hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from)

  def even?(0), do: true
  def even?(n), do: odd?(n - 1)
  def odd?(0), do: false
  def odd?(n), do: even?(n - 1)

  def gcd(a, 0), do: a
  def gcd(a, b), do: gcd(b, rem(a, b))

  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)
end

IO.inspect(R.ack(2, 3))
IO.inspect(R.ack(3, 3))
IO.inspect(R.hanoi(10, :a, :c, :b))
IO.inspect({R.even?(10), R.odd?(7), R.even?(7)})
IO.inspect(R.gcd(1071, 462))
IO.inspect(R.fib(20))
