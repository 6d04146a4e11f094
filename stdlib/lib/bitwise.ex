# The Bitwise functions (the operators &&&, |||, <<<, >>> are the compiler's).
defmodule Bitwise do
  def band(left, right), do: :erlang.band(left, right)
  def bor(left, right), do: :erlang.bor(left, right)
  def bxor(left, right), do: :erlang.bxor(left, right)
  def bnot(expr), do: :erlang.bnot(expr)
  def bsl(left, right), do: :erlang.bsl(left, right)
  def bsr(left, right), do: :erlang.bsr(left, right)
end
