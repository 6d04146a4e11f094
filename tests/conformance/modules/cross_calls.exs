# Several modules calling each other, including functions defined later in the file.
defmodule Shop do
  def total(items), do: items |> Pricing.subtotal() |> Tax.apply()

  def report(items) do
    IO.puts("items: #{length(items)}")
    IO.puts("total: #{total(items)}")
    footer()
  end

  defp footer, do: IO.puts("thank you")
end

defmodule Pricing do
  def subtotal([]), do: 0
  def subtotal([{_name, price, qty} | rest]), do: price * qty + subtotal(rest)
end

defmodule Tax do
  @rate 20
  def apply(amount), do: amount + div(amount * @rate, 100)
end

Shop.report([{"apple", 50, 4}, {"pear", 75, 2}])

defmodule EvenOdd do
  def even?(0), do: true
  def even?(n), do: Helper.odd?(n - 1)
end

defmodule Helper do
  def odd?(0), do: false
  def odd?(n), do: EvenOdd.even?(n - 1)
end

IO.inspect({EvenOdd.even?(10), Helper.odd?(7)})
