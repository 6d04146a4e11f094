# Pattern matching on maps: partial matches, variables as values, pinned keys.
defmodule Greeter do
  def greet(%{name: name, lang: :fr}), do: "Bonjour, #{name}"
  def greet(%{name: name}), do: "Hello, #{name}"
  def greet(%{}), do: "Hello, stranger"
end

IO.puts(Greeter.greet(%{name: "Ada", lang: :fr}))
IO.puts(Greeter.greet(%{name: "Alan", lang: :en}))
IO.puts(Greeter.greet(%{id: 7}))

%{a: a} = %{a: 1, b: 2}
IO.inspect(a)
key = :b
%{^key => b} = %{a: 1, b: 2}
IO.inspect(b)
%{} = %{anything: :matches}

case %{status: 200, body: "ok"} do
  %{status: 404} -> IO.puts("not found")
  %{status: s, body: body} when s in 200..299 -> IO.puts("success: #{body}")
end

%{"nested" => %{"x" => x}} = %{"nested" => %{"x" => 42, "y" => 0}}
IO.inspect(x)

result =
  case %{} do
    %{k: _} -> :has_k
    _ -> :no_k
  end

IO.inspect(result)
