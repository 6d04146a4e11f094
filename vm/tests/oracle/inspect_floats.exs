# Oracle for float formatting in vm/src/inspect:
# `elixir vm/tests/oracle/inspect_floats.exs > vm/tests/oracle/inspect_floats.out`.
# Each line: the float's 64 bits in hex, `to_string(f)` (float_to_binary short) and
# `inspect(f)`. Random bit patterns cover every exponent; random short decimals cover
# the choice between plain and scientific notation.
import Bitwise
:rand.seed(:exsss, {2024, 25, 114})

from_bits = fn bits ->
  <<f::float-64>> = <<bits::64>>
  f
end

random_bits =
  Stream.repeatedly(fn -> :rand.uniform(1 <<< 64) - 1 end)
  |> Stream.filter(fn bits -> (bits >>> 52 &&& 0x7FF) != 0x7FF end)
  |> Stream.map(from_bits)
  |> Enum.take(1500)

decimals =
  for _ <- 1..1500 do
    digits = :rand.uniform(10 ** :rand.uniform(17))
    exp = :rand.uniform(60) - 30
    sign = if :rand.uniform(2) == 1, do: 1, else: -1
    sign * digits * :math.pow(10, exp)
  end

integral = for i <- 0..80, do: :math.pow(2, i) + 0.0
tens = for e <- -25..25, do: :math.pow(10, e)
near = for i <- 1..200, do: from_bits.(0x4340000000000000 - 100 + i)

# Exact halves in the last printed digit (OTP rounds those ties to even).
ties =
  for k <- 1..4, _ <- 1..100 do
    base = (1 <<< (50 - k + 1)) + :rand.uniform(1 <<< (50 - k))
    base + (2 * :rand.uniform(1 <<< (k + 1)) - 1) / (1 <<< (k + 1))
  end

for f <- random_bits ++ decimals ++ integral ++ tens ++ near ++ ties do
  <<bits::64>> = <<f::float-64>>
  hex = bits |> Integer.to_string(16) |> String.pad_leading(16, "0")
  IO.puts("#{hex} #{to_string(f)} #{inspect(f)}")
end
