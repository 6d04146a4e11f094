defmodule Float do
  # ----- parsing ----------------------------------------------------------------------

  # The longest prefix of the form [+-]digits[.digits][(e|E)[+-]digits], as a float.
  def parse(binary) when is_binary(binary) do
    {sign, start} =
      case binary do
        "-" <> _ -> {"-", 1}
        "+" <> _ -> {"", 1}
        _ -> {"", 0}
      end

    case digits_end(binary, start) do
      ^start ->
        :error

      int_end ->
        {frac, after_frac} = fraction(binary, int_end)
        {exponent, stop} = exponent(binary, after_frac)
        int = :erlang.binary_part(binary, start, int_end - start)
        text = sign <> int <> "." <> frac <> exponent

        case to_float(text) do
          {:ok, float} -> {float, :erlang.binary_part(binary, stop, byte_size(binary) - stop)}
          :error -> :error
        end
    end
  end

  defp digits_end(binary, i) do
    case binary do
      <<_::binary-size(i), d, _::binary>> when d >= ?0 and d <= ?9 -> digits_end(binary, i + 1)
      _ -> i
    end
  end

  # The fraction's digits ("0" when there is none) and where it ends.
  defp fraction(binary, i) do
    case binary do
      <<_::binary-size(i), ?., d, _::binary>> when d >= ?0 and d <= ?9 ->
        stop = digits_end(binary, i + 1)
        {:erlang.binary_part(binary, i + 1, stop - i - 1), stop}

      _ ->
        {"0", i}
    end
  end

  defp exponent(binary, i) do
    case binary do
      <<_::binary-size(i), e, rest::binary>> when e == ?e or e == ?E ->
        {sign, skip} =
          case rest do
            <<s, d, _::binary>> when (s == ?+ or s == ?-) and d >= ?0 and d <= ?9 -> {<<s>>, 2}
            <<d, _::binary>> when d >= ?0 and d <= ?9 -> {"", 1}
            _ -> {nil, 0}
          end

        if sign == nil do
          {"", i}
        else
          stop = digits_end(binary, i + skip)
          {"e" <> sign <> :erlang.binary_part(binary, i + skip, stop - i - skip), stop}
        end

      _ ->
        {"", i}
    end
  end

  # binary_to_float/1; out of range is :error with an exponent (an ArgumentError
  # without one, as in Elixir 1.14).
  defp to_float(text) do
    if :binary.match(text, "e") == :nomatch do
      {:ok, :erlang.binary_to_float(text)}
    else
      to_float_checked(text)
    end
  end

  defp to_float_checked(text) do
    try do
      {:ok, :erlang.binary_to_float(text)}
    rescue
      ArgumentError -> :error
    end
  end

  # ----- rounding ---------------------------------------------------------------------
  #
  # On the exact value of the float: it is m * 2^e, so scaled by 10^precision it is the
  # fraction m * 10^precision / 2^-e, rounded to an integer q as asked; q / 10^precision
  # is then read back as the nearest float. A float that already has at most
  # `precision` decimals comes back unchanged.

  def round(float, precision \\ 0)

  def round(float, 0) when is_float(float), do: :erlang.float(:erlang.round(float))

  def round(float, precision) when is_float(float) and is_integer(precision) and precision >= 0 and precision <= 15 do
    round_decimal(float, precision, :half_up)
  end

  def round(number, precision) when is_float(number), do: raise(ArgumentError, invalid_precision(precision))

  def floor(number, precision \\ 0)

  def floor(number, 0) when is_float(number), do: :math.floor(number)

  def floor(number, precision) when is_float(number) and is_integer(precision) and precision >= 0 and precision <= 15 do
    round_decimal(number, precision, :floor)
  end

  def floor(number, precision) when is_float(number), do: raise(ArgumentError, invalid_precision(precision))

  def ceil(number, precision \\ 0)

  def ceil(number, 0) when is_float(number), do: :math.ceil(number)

  def ceil(number, precision) when is_float(number) and is_integer(precision) and precision >= 0 and precision <= 15 do
    round_decimal(number, precision, :ceil)
  end

  def ceil(number, precision) when is_float(number), do: raise(ArgumentError, invalid_precision(precision))

  defp invalid_precision(precision) do
    "precision " <> Kernel.to_string(precision) <> " is out of valid range of 0..15"
  end

  defp round_decimal(float, precision, mode) do
    {negative, mantissa, exp} = decompose(float)

    if mantissa == 0 or exp >= 0 do
      float
    else
      scaled = mantissa * Integer.pow(10, precision)
      den = Integer.pow(2, -exp)
      q = div(scaled, den)
      r = scaled - q * den

      cond do
        r == 0 ->
          float

        true ->
          q =
            case mode do
              :half_up -> if 2 * r >= den, do: q + 1, else: q
              :floor -> if negative, do: q + 1, else: q
              :ceil -> if negative, do: q, else: q + 1
            end

          if q == 0 do
            0.0
          else
            sign = if negative, do: "-", else: ""
            :erlang.binary_to_float(sign <> Integer.to_string(q) <> ".0e-" <> Integer.to_string(precision))
          end
      end
    end
  end

  # {negative?, m, e} with the float's magnitude exactly m * 2^e.
  defp decompose(float) do
    <<sign::1, exp::11, fraction::52>> = <<float::float>>

    case exp do
      0 -> {sign == 1, fraction, -1074}
      _ -> {sign == 1, fraction + 4_503_599_627_370_496, exp - 1075}
    end
  end

  def ratio(float) when is_float(float) do
    {negative, mantissa, exp} = decompose(float)

    {num, den} =
      cond do
        mantissa == 0 -> {0, 1}
        exp >= 0 -> {mantissa * Integer.pow(2, exp), 1}
        true -> reduce_ratio(mantissa, -exp)
      end

    if negative, do: {-num, den}, else: {num, den}
  end

  defp reduce_ratio(m, shift) when shift > 0 and rem(m, 2) == 0, do: reduce_ratio(div(m, 2), shift - 1)
  defp reduce_ratio(m, shift), do: {m, Integer.pow(2, shift)}

  # ----- conversions ------------------------------------------------------------------

  def to_charlist(float) when is_float(float), do: :erlang.float_to_list(float, [:short])

  def to_string(float) when is_float(float), do: :erlang.float_to_binary(float, [:short])

  def pow(base, exponent) when is_float(base) and is_number(exponent), do: :math.pow(base, exponent)

  def min_finite, do: -1.7976931348623157e308
  def max_finite, do: 1.7976931348623157e308
end
