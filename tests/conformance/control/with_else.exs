# with: chains of matches, guards in clauses, bare expressions, else.
defmodule Acct do
  def fetch(:alice), do: {:ok, %{name: "Alice", balance: 100}}
  def fetch(:bob), do: {:ok, %{name: "Bob", balance: 5}}
  def fetch(_), do: {:error, :not_found}

  def withdraw(who, amount) do
    with {:ok, acct} <- fetch(who),
         balance = acct.balance,
         true <- balance >= amount || {:error, :insufficient},
         new_balance when new_balance >= 0 <- balance - amount do
      {:ok, acct.name, new_balance}
    else
      {:error, :not_found} -> "no such account"
      {:error, reason} -> "failed: #{reason}"
    end
  end
end

IO.inspect(Acct.withdraw(:alice, 30))
IO.inspect(Acct.withdraw(:bob, 30))
IO.inspect(Acct.withdraw(:carol, 1))

r =
  with {:ok, a} <- {:ok, 1},
       {:ok, b} <- {:ok, 2} do
    a + b
  end

IO.inspect(r)

r2 =
  with {:ok, a} <- {:ok, 1},
       {:ok, _b} <- {:error, :second_failed} do
    a
  end

IO.inspect(r2)
IO.inspect(with x <- 5, y = x * 2, do: x + y)
