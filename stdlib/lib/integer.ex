defmodule Integer do
  # `is_odd/1` and `is_even/1` are guard macros in Elixir; here they are functions.
  def is_odd(integer) when is_integer(integer), do: rem(integer, 2) != 0
  def is_even(integer) when is_integer(integer), do: rem(integer, 2) == 0

  def pow(base, exponent) when is_integer(base) and is_integer(exponent) do
    if exponent < 0, do: :erlang.error(:badarith, [base, exponent])
    int_pow(base, exponent, 1)
  end

  defp int_pow(_base, 0, acc), do: acc

  defp int_pow(base, exp, acc) do
    acc = if rem(exp, 2) == 1, do: acc * base, else: acc
    int_pow(base * base, div(exp, 2), acc)
  end

  def mod(dividend, divisor) when is_integer(dividend) and is_integer(divisor) do
    remainder = rem(dividend, divisor)

    if remainder * divisor < 0 do
      remainder + divisor
    else
      remainder
    end
  end

  def floor_div(dividend, divisor) when is_integer(dividend) and is_integer(divisor) do
    if dividend * divisor < 0 and rem(dividend, divisor) != 0 do
      div(dividend, divisor) - 1
    else
      div(dividend, divisor)
    end
  end

  def digits(integer, base \\ 10) when is_integer(integer) and is_integer(base) and base >= 2 do
    digits_acc(integer, base, [])
  end

  defp digits_acc(integer, base, acc) when abs(integer) < base, do: [integer | acc]

  defp digits_acc(integer, base, acc) do
    digits_acc(div(integer, base), base, [rem(integer, base) | acc])
  end

  def undigits(digits, base \\ 10) when is_list(digits) and is_integer(base) and base >= 2 do
    undigits_acc(digits, base, 0)
  end

  defp undigits_acc([], _base, acc), do: acc

  defp undigits_acc([digit | _], base, _) when is_integer(digit) and digit >= base do
    raise ArgumentError, "invalid digit " <> Integer.to_string(digit) <> " in base " <> Integer.to_string(base)
  end

  defp undigits_acc([digit | tail], base, acc) when is_integer(digit) do
    undigits_acc(tail, base, acc * base + digit)
  end

  def parse(binary, base \\ 10)

  def parse(binary, base) when is_binary(binary) and is_integer(base) and base >= 2 and base <= 36 do
    case count_digits(binary, base) do
      0 ->
        :error

      count ->
        {digits, rest} = :erlang.split_binary(binary, count)
        {:erlang.binary_to_integer(digits, base), rest}
    end
  end

  def parse(binary, base) when is_binary(binary) do
    raise ArgumentError, "invalid base " <> inspect(base)
  end

  defp count_digits(<<sign, rest::binary>>, base) when sign == ?+ or sign == ?- do
    case count_digits_nosign(rest, base, 1) do
      1 -> 0
      count -> count
    end
  end

  defp count_digits(rest, base), do: count_digits_nosign(rest, base, 0)

  defp count_digits_nosign(<<digit, rest::binary>>, base, count) do
    if digit_value(digit) < base do
      count_digits_nosign(rest, base, count + 1)
    else
      count
    end
  end

  defp count_digits_nosign(_, _base, count), do: count

  defp digit_value(c) when c >= ?0 and c <= ?9, do: c - ?0
  defp digit_value(c) when c >= ?a and c <= ?z, do: c - ?a + 10
  defp digit_value(c) when c >= ?A and c <= ?Z, do: c - ?A + 10
  defp digit_value(_), do: 99

  # No guards: a bad argument is the BIF's ArgumentError, as in Elixir.
  def to_string(integer), do: :erlang.integer_to_binary(integer)
  def to_string(integer, base), do: :erlang.integer_to_binary(integer, base)

  def to_charlist(integer), do: :erlang.integer_to_list(integer)
  def to_charlist(integer, base), do: :erlang.integer_to_list(integer, base)

  def gcd(integer1, integer2) when is_integer(integer1) and is_integer(integer2) do
    gcd_positive(abs(integer1), abs(integer2))
  end

  defp gcd_positive(0, integer2), do: integer2
  defp gcd_positive(integer1, 0), do: integer1
  defp gcd_positive(integer1, integer2), do: gcd_positive(integer2, rem(integer1, integer2))

  def extended_gcd(0, 0), do: {0, 0, 0}
  def extended_gcd(0, b) when is_integer(b), do: {b, 0, 1}
  def extended_gcd(a, 0) when is_integer(a), do: {a, 1, 0}

  def extended_gcd(integer1, integer2) when is_integer(integer1) and is_integer(integer2) do
    extended_gcd(integer2, integer1, 0, 1, 1, 0)
  end

  defp extended_gcd(r1, r0, s1, s0, t1, t0) do
    d = div(r0, r1)

    case r0 - d * r1 do
      0 when r1 > 0 -> {r1, s1, t1}
      0 when r1 < 0 -> {-r1, -s1, -t1}
      r2 -> extended_gcd(r2, r1, s0 - d * s1, s1, t0 - d * t1, t1)
    end
  end
end
