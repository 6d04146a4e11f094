# div/rem truncate toward zero; Integer.mod and Integer.floor_div round toward -infinity.
pairs = [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 3}, {6, 3}, {1, 10}]

defmodule Show do
  def all([]), do: :ok

  def all([{a, b} | rest]) do
    IO.puts("#{a} #{b}: div=#{div(a, b)} rem=#{rem(a, b)}")
    IO.puts("  mod=#{Integer.mod(a, b)} floor_div=#{Integer.floor_div(a, b)}")
    all(rest)
  end
end

Show.all(pairs)
IO.inspect(div(100, 7) * 7 + rem(100, 7))
IO.inspect(rem(-100, 7) + div(-100, 7) * 7)
