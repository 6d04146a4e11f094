# %S{} patterns and the update syntax.
defmodule Account do
  defstruct owner: nil, balance: 0

  def deposit(%Account{balance: b} = acct, amount) when amount > 0 do
    %{acct | balance: b + amount}
  end

  def describe(%Account{owner: nil}), do: "unowned account"
  def describe(%Account{owner: o, balance: b}), do: "#{o} has #{b}"
  def describe(%{}), do: "some other map"
end

# Structs cannot be expanded in the file's top-level code that defines them,
# so the checks run inside a module defined after them.
defmodule Main do
  def run do
    a = %Account{owner: "Ann"}
    a = Account.deposit(a, 50)
    a = Account.deposit(a, 25)
    IO.inspect(a)
    IO.puts(Account.describe(a))
    IO.puts(Account.describe(%Account{}))
    IO.puts(Account.describe(%{owner: "plain map"}))
    %Account{owner: owner} = a
    IO.puts(owner)
    %{balance: bal} = a
    IO.inspect(bal)
    b = %Account{a | owner: "Bob"}
    IO.inspect(b)
    IO.inspect(a)

    is_account = fn
      %Account{} -> true
      _ -> false
    end

    IO.inspect({is_account.(a), is_account.(%{owner: 1, balance: 2})})

    %name{} = a
    IO.inspect(name)
  end
end

Main.run()
