defmodule Float do
  @power_of_2_to_52 4_503_599_627_370_496

  def parse("-" <> binary) do
    case parse_unsigned(binary) do
      :error -> :error
      {number, remainder} -> {-number, remainder}
    end
  end

  def parse("+" <> binary), do: parse_unsigned(binary)
  def parse(binary) when is_binary(binary), do: parse_unsigned(binary)

  defp parse_unsigned(<<digit, rest::binary>>) when digit >= ?0 and digit <= ?9 do
    parse_unsigned(rest, false, false, <<digit>>)
  end

  defp parse_unsigned(binary) when is_binary(binary), do: :error

  defp parse_unsigned(<<digit, rest::binary>>, dot?, e?, acc) when digit >= ?0 and digit <= ?9 do
    parse_unsigned(rest, dot?, e?, <<acc::binary, digit>>)
  end

  defp parse_unsigned(<<?., digit, rest::binary>>, false, false, acc) when digit >= ?0 and digit <= ?9 do
    parse_unsigned(rest, true, false, <<acc::binary, ?., digit>>)
  end

  defp parse_unsigned(<<exp_marker, digit, rest::binary>>, dot?, false, acc)
       when (exp_marker == ?e or exp_marker == ?E) and digit >= ?0 and digit <= ?9 do
    parse_unsigned(rest, true, true, <<add_dot(acc, dot?)::binary, ?e, digit>>)
  end

  defp parse_unsigned(<<exp_marker, sign, digit, rest::binary>>, dot?, false, acc)
       when (exp_marker == ?e or exp_marker == ?E) and (sign == ?- or sign == ?+) and digit >= ?0 and
              digit <= ?9 do
    parse_unsigned(rest, true, true, <<add_dot(acc, dot?)::binary, ?e, sign, digit>>)
  end

  defp parse_unsigned(rest, dot?, _e?, acc) do
    {:erlang.binary_to_float(add_dot(acc, dot?)), rest}
  end

  defp add_dot(acc, true), do: acc
  defp add_dot(acc, false), do: acc <> ".0"

  def floor(number, precision \\ 0)

  def floor(number, 0) when is_float(number), do: :math.floor(number)

  def floor(number, precision) when is_float(number) and is_integer(precision) and precision >= 0 and precision <= 15 do
    round(number, precision, :floor)
  end

  def floor(number, precision) when is_float(number) do
    raise ArgumentError, invalid_precision_message(precision)
  end

  def ceil(number, precision \\ 0)

  def ceil(number, 0) when is_float(number), do: :math.ceil(number)

  def ceil(number, precision) when is_float(number) and is_integer(precision) and precision >= 0 and precision <= 15 do
    round(number, precision, :ceil)
  end

  def ceil(number, precision) when is_float(number) do
    raise ArgumentError, invalid_precision_message(precision)
  end

  def round(float, precision \\ 0)

  def round(float, 0) when is_float(float), do: :erlang.float(:erlang.round(float))

  def round(float, precision) when is_float(float) and is_integer(precision) and precision >= 0 and precision <= 15 do
    round(float, precision, :half_up)
  end

  def round(number, precision) when is_float(number) do
    raise ArgumentError, invalid_precision_message(precision)
  end

  defp round(num, _precision, _rounding) when is_float(num) and num == 0.0, do: num

  defp round(float, precision, rounding) do
    <<sign::1, exp::11, significant::52-bitstring>> = <<float::float>>
    {num, count, _} = decompose(significant, 1)
    count = count - exp + 1023

    cond do
      # Precision beyond 15 digits
      count >= 104 ->
        case rounding do
          :ceil when sign === 0 -> 1 / power_of_10(precision)
          :floor when sign === 1 -> -1 / power_of_10(precision)
          _ -> 0.0
        end

      # We are asking more precision than we have
      count <= precision ->
        float

      true ->
        # Difference in precision between float and asked precision
        # We subtract 1 because we need to calculate the remainder too
        diff = count - precision - 1

        # Get up to latest so we calculate the remainder
        power_of_10 = power_of_10(diff)

        # Convert the numerand to decimal base
        num = num * power_of_5(count)

        # Move to the given precision - 1
        num = div(num, power_of_10)
        div = div(num, 10)
        num = rounding(rounding, sign, num, div)

        # Convert back to float without loss
        den = power_of_10(precision)
        boundary = :erlang.bsl(den, 52)

        cond do
          num == 0 ->
            0.0

          num >= boundary ->
            {den, exp} = scale_down(num, boundary, 52)
            decimal_to_float(sign, num, den, exp)

          true ->
            {num, exp} = scale_up(num, boundary, 52)
            decimal_to_float(sign, num, den, exp)
        end
    end
  end

  defp scale_up(num, boundary, exp) when num >= boundary, do: {num, exp}
  defp scale_up(num, boundary, exp), do: scale_up(:erlang.bsl(num, 1), boundary, exp - 1)

  defp scale_down(num, den, exp) do
    new_den = :erlang.bsl(den, 1)

    if num < new_den do
      {:erlang.bsr(den, 52), exp}
    else
      scale_down(num, new_den, exp + 1)
    end
  end

  defp decimal_to_float(sign, num, den, exp) do
    quo = div(num, den)
    rem = num - quo * den
    half = :erlang.bsr(den, 1)

    tmp =
      cond do
        rem > half -> quo + 1
        rem < half -> quo
        :erlang.band(quo, 1) === 1 -> quo + 1
        true -> quo
      end

    tmp = tmp - @power_of_2_to_52
    exp = exp + 1023
    <<tmp::float>> = <<sign::1, exp::11, tmp::52>>
    tmp
  end

  defp rounding(:floor, 1, _num, div), do: div + 1
  defp rounding(:ceil, 0, _num, div), do: div + 1

  defp rounding(:half_up, _sign, num, div) do
    case rem(num, 10) do
      rem when rem < 5 -> div
      rem when rem >= 5 -> div + 1
    end
  end

  defp rounding(_, _, _, div), do: div

  defp power_of_10(n), do: Integer.pow(10, n)
  defp power_of_5(n), do: Integer.pow(5, n)

  def ratio(0.0), do: {0, 1}

  def ratio(float) when is_float(float) do
    case <<float::float>> do
      <<sign::1, 0::11, significant::52-bitstring>> ->
        {num, _, den} = decompose(significant, 0)
        {sign(sign, num), :erlang.bsl(den, 1022)}

      <<sign::1, exp::11, significant::52-bitstring>> ->
        {num, _, den} = decompose(significant, 1)
        num = sign(sign, num)

        case exp - 1023 do
          exp when exp > 0 ->
            {den, exp} = shift_right(den, exp)
            {:erlang.bsl(num, exp), den}

          exp when exp < 0 ->
            {num, :erlang.bsl(den, -exp)}

          0 ->
            {num, den}
        end
    end
  end

  defp decompose(significant, initial) do
    decompose(significant, 1, 0, 2, 1, initial)
  end

  defp decompose(<<1::1, bits::bitstring>>, count, last_count, power, _last_power, acc) do
    decompose(bits, count + 1, count, :erlang.bsl(power, 1), power, :erlang.bsl(acc, count - last_count) + 1)
  end

  defp decompose(<<0::1, bits::bitstring>>, count, last_count, power, last_power, acc) do
    decompose(bits, count + 1, last_count, :erlang.bsl(power, 1), last_power, acc)
  end

  defp decompose(<<>>, _count, last_count, _power, last_power, acc) do
    {acc, last_count, last_power}
  end

  defp sign(0, num), do: num
  defp sign(1, num), do: -num

  defp shift_right(num, 0), do: {num, 0}
  defp shift_right(1, times), do: {1, times}
  defp shift_right(num, times), do: shift_right(:erlang.bsr(num, 1), times - 1)

  def to_charlist(float) when is_float(float), do: :erlang.float_to_list(float, [:short])

  def to_string(float) when is_float(float), do: :erlang.float_to_binary(float, [:short])

  def pow(base, exponent) when is_float(base) and is_number(exponent), do: :math.pow(base, exponent)

  def min_finite, do: -1.7976931348623157e308
  def max_finite, do: 1.7976931348623157e308

  defp invalid_precision_message(precision) do
    "precision " <> Kernel.to_string(precision) <> " is out of valid range of 0..15"
  end
end
