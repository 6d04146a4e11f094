# Kernel functions that are not compiled inline (the BIFs and special forms are).
defmodule Kernel do
  def inspect(term, opts \\ []) when is_list(opts), do: :beamlet.inspect(term, opts)

  def to_string(term), do: String.Chars.to_string(term)

  def to_charlist(term) when is_list(term), do: term
  def to_charlist(term), do: String.to_charlist(String.Chars.to_string(term))

  def then(value, fun) when is_function(fun, 1), do: fun.(value)

  def tap(value, fun) when is_function(fun, 1) do
    fun.(value)
    value
  end

  def apply(fun, args) when is_function(fun) and is_list(args), do: :erlang.apply(fun, args)

  def is_struct(term), do: is_map(term) and :erlang.is_map_key(:__struct__, term) and is_atom(:erlang.map_get(:__struct__, term))

  def is_struct(term, name), do: is_map(term) and :erlang.is_map_key(:__struct__, term) and :erlang.map_get(:__struct__, term) === name

  def is_exception(term), do: is_map(term) and :erlang.is_map_key(:__exception__, term) and :erlang.map_get(:__exception__, term) === true

  def struct(module, fields \\ []), do: module.__struct__(fields)

  def function_exported?(module, name, arity), do: :beamlet.function_exported(module, name, arity)
end

# Helpers the compiler's expansions call.
defmodule Beamlet.Kernel do
  # What `raise x` raises when x is not known at compile time.
  def exception_of(msg) when is_binary(msg), do: RuntimeError.exception(msg)
  def exception_of(%{__exception__: true} = e), do: e
  def exception_of(module) when is_atom(module), do: module.exception([])

  def exception_of(other) do
    ArgumentError.exception(
      "raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: " <>
        inspect(other)
    )
  end

  # `base ** exponent`.
  def pow(base, exp) when is_integer(base) and is_integer(exp) and exp >= 0, do: int_pow(base, exp, 1)
  def pow(base, exp) when is_number(base) and is_number(exp), do: :math.pow(base, exp)

  defp int_pow(_base, 0, acc), do: acc

  defp int_pow(base, exp, acc) do
    acc = if rem(exp, 2) == 1, do: acc * base, else: acc
    int_pow(base * base, div(exp, 2), acc)
  end
end

defmodule String.Chars do
  def to_string(term), do: :beamlet.to_string(term)
end

defmodule Beamlet.For do
  # `for <<seg <- bin>>`: each segment of `bin` (of `size` bits, or one code point for
  # :utf8/:utf16/:utf32) passed to `fun` as a bitstring, with the accumulator.
  def bitstring_reduce(bin, :utf8, acc, fun) do
    case bin do
      <<c::utf8, rest::bits>> -> bitstring_reduce(rest, :utf8, fun.(<<c::utf8>>, acc), fun)
      _ -> acc
    end
  end

  def bitstring_reduce(bin, :utf16, acc, fun) do
    case bin do
      <<c::utf16, rest::bits>> -> bitstring_reduce(rest, :utf16, fun.(<<c::utf16>>, acc), fun)
      _ -> acc
    end
  end

  def bitstring_reduce(bin, :utf32, acc, fun) do
    case bin do
      <<c::utf32, rest::bits>> -> bitstring_reduce(rest, :utf32, fun.(<<c::utf32>>, acc), fun)
      _ -> acc
    end
  end

  def bitstring_reduce(bin, size, acc, fun) do
    case bin do
      <<chunk::bits-size(size), rest::bits>> -> bitstring_reduce(rest, size, fun.(chunk, acc), fun)
      _ -> acc
    end
  end
end
