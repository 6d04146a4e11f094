# Multi-clause def and defp, do: one-liners, clause order.
defmodule Clauses do
  def kind(0), do: :zero
  def kind(n) when is_integer(n) and n > 0, do: :positive
  def kind(n) when is_integer(n), do: :negative
  def kind(x) when is_float(x), do: :float
  def kind(_), do: :other

  def fizz(n), do: fizz(rem(n, 3), rem(n, 5), n)
  defp fizz(0, 0, _), do: "FizzBuzz"
  defp fizz(0, _, _), do: "Fizz"
  defp fizz(_, 0, _), do: "Buzz"
  defp fizz(_, _, n), do: Integer.to_string(n)

  def run(n, max) when n > max, do: :ok

  def run(n, max) do
    IO.puts(fizz(n))
    run(n + 1, max)
  end
end

IO.inspect([Clauses.kind(0), Clauses.kind(5), Clauses.kind(-5), Clauses.kind(1.5), Clauses.kind(:a)])
Clauses.run(1, 15)
