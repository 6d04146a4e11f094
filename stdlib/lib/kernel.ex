# Kernel functions that are not compiled inline (the BIFs and special forms are).
defmodule Kernel do
  def inspect(term, opts \\ []) when is_list(opts), do: Inspect.__inspect__(term, opts)

  def left =~ "" when is_binary(left), do: true
  def left =~ right when is_binary(left) and is_binary(right), do: :binary.match(left, right) != :nomatch
  def left =~ right when is_binary(left), do: Regex.match?(right, left)

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

  def is_exception(term, name), do: is_struct(term, name) and is_exception(term)

  # Keys that are not fields of the struct are dropped; `@enforce_keys` is not checked
  # (that is struct!/2).
  def struct(struct, fields \\ [])
  def struct(module, fields) when is_atom(module), do: Enum.reduce(fields, module.__struct__(), &put_field/2)
  def struct(%{__struct__: _} = struct, fields), do: Enum.reduce(fields, struct, &put_field/2)

  defp put_field({:__struct__, _}, acc), do: acc

  defp put_field({key, value}, acc) do
    case acc do
      %{^key => _} -> :maps.put(key, value, acc)
      _ -> acc
    end
  end

  # The operators the compiler inlines, as functions too (`apply(Kernel, :+, [1, 2])`).
  def left + right, do: :erlang.+(left, right)
  def left - right, do: :erlang.-(left, right)
  def left * right, do: :erlang.*(left, right)
  def left / right, do: :erlang./(left, right)
  def left == right, do: :erlang.==(left, right)
  def left != right, do: :erlang."/="(left, right)
  def left === right, do: :erlang."=:="(left, right)
  def left !== right, do: :erlang."=/="(left, right)
  def left < right, do: :erlang.<(left, right)
  def left > right, do: :erlang.>(left, right)
  def left <= right, do: :erlang."=<"(left, right)
  def left >= right, do: :erlang.>=(left, right)
  def left ++ right, do: :erlang.++(left, right)
  def left -- right, do: :erlang.--(left, right)
  def +value, do: :erlang.+(value)
  def -value, do: :erlang.-(value)
  def not value, do: :erlang.not(value)

  # The process BIFs the compiler inlines, as functions too (for `apply/3` and captures).
  def self(), do: :erlang.self()
  def node(), do: :erlang.node()
  def node(arg), do: :erlang.node(arg)
  def make_ref(), do: :erlang.make_ref()
  def send(dest, message), do: :erlang.send(dest, message)
  def spawn(fun), do: :erlang.spawn(fun)
  def spawn(module, fun, args), do: :erlang.spawn(module, fun, args)
  def spawn_link(fun), do: :erlang.spawn_link(fun)
  def spawn_link(module, fun, args), do: :erlang.spawn_link(module, fun, args)
  def spawn_monitor(fun), do: :erlang.spawn_monitor(fun)
  def spawn_monitor(module, fun, args), do: :erlang.spawn_monitor(module, fun, args)

  def function_exported?(module, name, arity), do: :beamlet.function_exported(module, name, arity)

  # ----- added with the library modules ------------------------------------------------

  # The BIFs as functions, for `Kernel.f(...)`, `&Kernel.f/n` and apply/3.
  def length(list), do: :erlang.length(list)
  def hd(list), do: :erlang.hd(list)
  def tl(list), do: :erlang.tl(list)
  def elem(tuple, index), do: :erlang.element(index + 1, tuple)
  def put_elem(tuple, index, value), do: :erlang.setelement(index + 1, tuple, value)
  def tuple_size(tuple), do: :erlang.tuple_size(tuple)
  def map_size(map), do: :erlang.map_size(map)
  def byte_size(binary), do: :erlang.byte_size(binary)
  def bit_size(bitstring), do: :erlang.bit_size(bitstring)
  def is_map_key(map, key), do: :erlang.is_map_key(key, map)
  def binary_part(binary, start, length), do: :erlang.binary_part(binary, start, length)
  def abs(number), do: :erlang.abs(number)
  def div(dividend, divisor), do: :erlang.div(dividend, divisor)
  def rem(dividend, divisor), do: :erlang.rem(dividend, divisor)
  def round(number), do: :erlang.round(number)
  def trunc(number), do: :erlang.trunc(number)
  def floor(number), do: :erlang.floor(number)
  def ceil(number), do: :erlang.ceil(number)
  def max(first, second), do: :erlang.max(first, second)
  def min(first, second), do: :erlang.min(first, second)
  def throw(term), do: :erlang.throw(term)
  def exit(reason), do: :erlang.exit(reason)
  def is_atom(term), do: :erlang.is_atom(term)
  def is_binary(term), do: :erlang.is_binary(term)
  def is_bitstring(term), do: :erlang.is_bitstring(term)
  def is_boolean(term), do: :erlang.is_boolean(term)
  def is_float(term), do: :erlang.is_float(term)
  def is_function(term), do: :erlang.is_function(term)
  def is_function(term, arity), do: :erlang.is_function(term, arity)
  def is_integer(term), do: :erlang.is_integer(term)
  def is_list(term), do: :erlang.is_list(term)
  def is_map(term), do: :erlang.is_map(term)
  def is_number(term), do: :erlang.is_number(term)
  def is_pid(term), do: :erlang.is_pid(term)
  def is_port(term), do: :erlang.is_port(term)
  def is_reference(term), do: :erlang.is_reference(term)
  def is_tuple(term), do: :erlang.is_tuple(term)

  def binary_slice(binary, start, size)
      when is_binary(binary) and is_integer(start) and is_integer(size) and size >= 0 do
    total = byte_size(binary)
    start = if start < 0, do: :erlang.max(total + start, 0), else: start

    if start < total do
      :erlang.binary_part(binary, start, :erlang.min(size, total - start))
    else
      ""
    end
  end

  def binary_slice(binary, %{__struct__: Range, first: first, last: last, step: step} = range)
      when is_binary(binary) do
    total = byte_size(binary)
    first = if first < 0, do: :erlang.max(total + first, 0), else: first
    last = if last < 0, do: total + last, else: last

    cond do
      step == 1 or (step == -1 and first > last) ->
        if last >= first, do: binary_slice(binary, first, last - first + 1), else: ""

      step > 0 ->
        bytes = binary_slice(binary, first, :erlang.max(last - first + 1, 0))
        :erlang.list_to_binary(Enum.take_every(:erlang.binary_to_list(bytes), step))

      true ->
        raise ArgumentError, "binary_slice/2 does not accept ranges with negative steps, got: " <> inspect(range)
    end
  end

  def struct!(struct, fields \\ [])

  def struct!(struct, fields) when is_atom(struct) do
    defaults = struct.__struct__()

    Enum.each(fields, fn
      {:__struct__, _} -> :ok
      {key, _} -> if not :erlang.is_map_key(key, defaults), do: raise(KeyError, key: key)
    end)

    struct.__struct__(fields)
  end

  def struct!(%{__struct__: _} = struct, fields) do
    Enum.reduce(fields, struct, fn
      {:__struct__, _}, acc -> acc
      {key, val}, acc -> Map.replace!(acc, key, val)
    end)
  end

  # The Access functions (put_in/2, update_in/2 and friends with a path are the
  # compiler's).
  def get_in(data, [h]) when is_function(h), do: h.(:get, data, fn x -> x end)
  def get_in(data, [h | t]) when is_function(h), do: h.(:get, data, fn x -> get_in(x, t) end)
  def get_in(nil, [_]), do: nil
  def get_in(nil, [_ | t]), do: get_in(nil, t)
  def get_in(data, [h]), do: Access.get(data, h)
  def get_in(data, [h | t]), do: get_in(Access.get(data, h), t)

  def put_in(data, [_ | _] = keys, value) do
    :erlang.element(2, get_and_update_in(data, keys, fn _ -> {nil, value} end))
  end

  def update_in(data, [_ | _] = keys, fun) when is_function(fun, 1) do
    :erlang.element(2, get_and_update_in(data, keys, fn x -> {nil, fun.(x)} end))
  end

  def get_and_update_in(data, [head], fun) when is_function(head, 3), do: head.(:get_and_update, data, fun)

  def get_and_update_in(data, [head | tail], fun) when is_function(head, 3) do
    head.(:get_and_update, data, fn x -> get_and_update_in(x, tail, fun) end)
  end

  def get_and_update_in(data, [head], fun) when is_function(fun, 1), do: Access.get_and_update(data, head, fun)

  def get_and_update_in(data, [head | tail], fun) when is_function(fun, 1) do
    Access.get_and_update(data, head, fn x -> get_and_update_in(x, tail, fun) end)
  end

  def pop_in(nil, [key | _]) do
    raise ArgumentError, "could not pop key " <> inspect(key) <> " on a nil value"
  end

  def pop_in(data, [_ | _] = keys), do: pop_in_data(data, keys)

  defp pop_in_data(nil, [_ | _]), do: :pop
  defp pop_in_data(data, [fun]) when is_function(fun), do: fun.(:get_and_update, data, fn _ -> :pop end)
  defp pop_in_data(data, [fun | tail]) when is_function(fun), do: fun.(:get_and_update, data, fn x -> pop_in_data(x, tail) end)
  defp pop_in_data(data, [key]), do: Access.pop(data, key)
  defp pop_in_data(data, [key | tail]), do: Access.get_and_update(data, key, fn x -> pop_in_data(x, tail) end)
end

# Helpers the compiler's expansions call.
defmodule Beamlet.Kernel do
  # `__struct__/1` of a struct with `@enforce_keys`: every such key must be given.
  def enforce_keys(kv, keys, module) do
    given = if is_map(kv), do: :maps.keys(kv), else: for({k, _} <- kv, do: k)
    missing = for k <- keys, not :lists.member(k, given), do: k

    if missing != [] do
      raise ArgumentError,
            "the following keys must also be given when building struct " <>
              inspect(module) <> ": " <> inspect(missing)
    end

    :ok
  end

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
