# cond picks the first truthy condition.
grade = fn score ->
  cond do
    score >= 90 -> "A"
    score >= 80 -> "B"
    score >= 70 -> "C"
    true -> "F"
  end
end

IO.inspect(Enum.map([95, 85, 75, 10], grade))

first_truthy =
  cond do
    nil -> :nil_branch
    false -> :false_branch
    [] -> :empty_list_is_truthy
    true -> :fallback
  end

IO.inspect(first_truthy)

x = 15

msg =
  cond do
    rem(x, 15) == 0 -> "FizzBuzz"
    rem(x, 3) == 0 -> "Fizz"
    rem(x, 5) == 0 -> "Buzz"
    true -> to_string(x)
  end

IO.puts(msg)

m = %{a: 1}

IO.inspect(
  cond do
    m[:b] -> :has_b
    m[:a] -> {:has_a, m[:a]}
  end
)
