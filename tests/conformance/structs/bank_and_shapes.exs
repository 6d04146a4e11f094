# Nested struct modules, struct updates in guards and clauses, dispatch through __struct__.
defmodule Bank do
  defmodule Account do
    defstruct [:id, balance: 0, history: []]
  end

  def open(id), do: %Account{id: id}

  def deposit(%Account{} = a, amt) when is_number(amt) and amt > 0 do
    %{a | balance: a.balance + amt, history: [{:deposit, amt} | a.history]}
  end

  def withdraw(%Account{balance: b}, amt) when amt > b, do: {:error, :insufficient_funds}
  def withdraw(%Account{} = a, amt), do: {:ok, %{a | balance: a.balance - amt, history: [{:withdraw, amt} | a.history]}}
end

defmodule Shape do
  @callback area(term) :: number
  def total(shapes), do: shapes |> Enum.map(& &1.__struct__.area(&1)) |> Enum.sum()
end

defmodule Circle do
  defstruct r: 1.0
  def area(%Circle{r: r}), do: :math.pi() * r * r
end

defmodule Rect do
  defstruct w: 1, h: 1
  def area(%Rect{w: w, h: h}), do: w * h
end

defmodule Main do
  def run do
    a = Bank.open(1) |> Bank.deposit(100) |> Bank.deposit(50)
    IO.inspect(a)
    IO.inspect(Bank.withdraw(a, 500))
    {:ok, a2} = Bank.withdraw(a, 30)
    IO.inspect(a2.history)
    IO.puts(Float.round(Shape.total([%Circle{r: 2.0}, %Rect{w: 3, h: 4}]), 3))
    try do
      Bank.deposit(a, -5)
    rescue
      e in FunctionClauseError -> IO.puts(Exception.message(e))
    end
    IO.inspect(Enum.zip_with([1, 2, 3], [4, 5, 6], &*/2))
    IO.inspect(1..10 |> Enum.filter(&rem(&1, 2) == 0) |> Enum.map(&(&1 * &1)))
    IO.puts(String.pad_leading("42", 6, "0") <> "|" <> String.pad_trailing("ab", 5) <> "|")
    IO.inspect(:lists.seq(1, 10, 3))
    IO.inspect(Enum.with_index(~w(a b c), 1) |> Map.new(fn {v, i} -> {i, v} end))
    case Integer.parse("42abc") do
      {n, rest} -> IO.puts("#{n} then #{rest}")
      :error -> IO.puts("no")
    end
    IO.inspect(Enum.max_by(["aa", "b", "cccc"], &String.length/1))
    IO.inspect(String.split("a,b;c", [",", ";"]))
    IO.inspect(Tuple.to_list({1, 2}) ++ [3])
    IO.inspect(Enum.uniq_by([{1, :a}, {2, :a}, {3, :b}], &elem(&1, 1)))
    IO.inspect(List.foldl([1, 2, 3], 0, &(&1 + &2)))
    IO.inspect(Map.merge(%{a: 1}, %{a: 2, b: 3}, fn _k, v1, v2 -> v1 + v2 end))
    x = 5
    result = cond do
      x > 10 -> :big
      x > 3 -> :medium
      true -> :small
    end
    IO.inspect(result)
    IO.inspect(get_in(%{a: %{b: [1, 2]}}, [:a, :b]))
    IO.inspect(update_in(%{a: %{b: 1}}, [:a, :b], &(&1 + 1)))
    IO.inspect(Enum.scan(1..5, &+/2))
    IO.inspect(:erlang.term_to_binary({:a, 1}) |> :erlang.binary_to_term())
    IO.inspect(Base.encode64("hello") |> Base.decode64!())
    IO.inspect(String.to_charlist("abc") |> Enum.reverse() |> List.to_string())
  end
end

Main.run()
