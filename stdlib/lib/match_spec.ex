# Match specifications (`[{pattern, guards, body}]`), as `:ets.select/2` and
# `Registry.select/2` run them: `:_` matches anything, `:"$N"` binds (or, bound, must be
# the same), guards and bodies are `{function, args...}` tuples over bound variables,
# `{{...}}` builds a tuple, `{:const, t}` is `t`, `:"$_"` is the whole object and `:"$$"`
# the bound variables in order.

defmodule :beamlet_match_spec do
  @moduledoc false

  # Guard functions evaluated by `:erlang`, and all a match spec may call.
  @erlang_functions [
    :is_atom, :is_binary, :is_bitstring, :is_boolean, :is_float, :is_function, :is_integer,
    :is_list, :is_map, :is_number, :is_pid, :is_port, :is_reference, :is_tuple, :is_map_key,
    :+, :-, :*, :/, :div, :rem, :abs, :element, :hd, :tl, :length, :map_get, :map_size,
    :tuple_size, :byte_size, :bit_size, :node, :round, :trunc, :float, :band, :bor, :bxor,
    :bnot, :bsl, :bsr, :min, :max
  ]
  @guard_functions @erlang_functions ++
                     [:self, :not, :and, :or, :xor, :andalso, :orelse, :==, :"=:=", :"/=",
                      :"=/=", :<, :>, :"=<", :>=]

  # The results of running `spec` on `object`: `{:ok, result}` or `:nomatch`. `whole` is
  # what `:"$_"` stands for (the object itself, unless the caller shows a different view).
  def run(spec, object, whole \\ nil) do
    whole = whole || object

    Enum.find_value(spec, :nomatch, fn {pattern, guards, body} ->
      with {:ok, b} <- match(pattern, object, %{}),
           true <- guards_hold?(guards, b, whole) do
        {:ok, body_value(body, b, whole)}
      else
        _ -> nil
      end
    end)
  end

  # Whether `pattern` matches `term` with `guards` (a pattern and guards of a spec).
  def matches?(pattern, guards, term) do
    case match(pattern, term, %{}) do
      {:ok, b} -> guards_hold?(guards, b, term)
      :error -> false
    end
  end

  def match(:_, _term, b), do: {:ok, b}

  def match(pattern, term, b) when is_atom(pattern) do
    case variable(pattern) do
      nil ->
        if pattern === term, do: {:ok, b}, else: :error

      n ->
        case b do
          %{^n => bound} -> if bound === term, do: {:ok, b}, else: :error
          _ -> {:ok, Map.put(b, n, term)}
        end
    end
  end

  def match(pattern, term, b) when is_tuple(pattern) do
    if is_tuple(term) and tuple_size(term) == tuple_size(pattern) do
      match_list(Tuple.to_list(pattern), Tuple.to_list(term), b)
    else
      :error
    end
  end

  def match([p | ps], [t | ts], b) do
    with {:ok, b} <- match(p, t, b), do: match(ps, ts, b)
  end

  def match(pattern, term, b) when is_map(pattern) do
    if is_map(term) do
      Enum.reduce_while(pattern, {:ok, b}, fn {k, p}, {:ok, b} ->
        case term do
          %{^k => t} ->
            case match(p, t, b) do
              {:ok, b} -> {:cont, {:ok, b}}
              :error -> {:halt, :error}
            end

          _ ->
            {:halt, :error}
        end
      end)
    else
      :error
    end
  end

  def match(pattern, term, b), do: if(pattern === term, do: {:ok, b}, else: :error)

  defp match_list([], [], b), do: {:ok, b}
  defp match_list([p | ps], [t | ts], b), do: with({:ok, b} <- match(p, t, b), do: match_list(ps, ts, b))

  defp variable(atom) do
    case Atom.to_string(atom) do
      "$" <> digits ->
        case Integer.parse(digits) do
          {n, ""} -> n
          _ -> nil
        end

      _ ->
        nil
    end
  end

  defp guards_hold?(guards, b, object) do
    Enum.all?(guards, fn g ->
      try do
        eval(g, b, object) === true
      rescue
        _ -> false
      end
    end)
  end

  defp body_value(body, b, object) do
    Enum.reduce(body, nil, fn expr, _ -> eval(expr, b, object) end)
  end

  defp eval(:"$_", _b, object), do: object

  defp eval(:"$$", b, _object), do: b |> Enum.sort() |> Enum.map(&elem(&1, 1))

  defp eval(atom, b, _object) when is_atom(atom) do
    case variable(atom) do
      nil -> atom
      n -> Map.fetch!(b, n)
    end
  end

  defp eval({:const, term}, _b, _object), do: term
  defp eval({tuple}, b, object) when is_tuple(tuple), do: eval_tuple(tuple, b, object)
  defp eval(list, b, object) when is_list(list), do: Enum.map(list, &eval(&1, b, object))

  defp eval(map, b, object) when is_map(map),
    do: Map.new(map, fn {k, v} -> {eval(k, b, object), eval(v, b, object)} end)

  defp eval({:andalso, x, y}, b, o), do: eval(x, b, o) === true and eval(y, b, o) === true
  defp eval({:orelse, x, y}, b, o), do: eval(x, b, o) === true or eval(y, b, o) === true

  defp eval(tuple, b, object) when is_tuple(tuple) and tuple_size(tuple) >= 1 do
    [fun | args] = Tuple.to_list(tuple)
    args = Enum.map(args, &eval(&1, b, object))
    apply_guard(fun, args)
  end

  defp eval(term, _b, _object), do: term

  defp eval_tuple(tuple, b, object) do
    tuple |> Tuple.to_list() |> Enum.map(&eval(&1, b, object)) |> List.to_tuple()
  end

  # Whether every guard and body expression calls only functions a match spec may call.
  def valid?(spec) do
    Enum.all?(spec, fn {_head, guards, body} -> Enum.all?(guards ++ body, &valid_expr?/1) end)
  end

  defp valid_expr?({:const, _}), do: true
  defp valid_expr?({tuple}) when is_tuple(tuple), do: tuple |> Tuple.to_list() |> Enum.all?(&valid_expr?/1)
  defp valid_expr?(list) when is_list(list), do: Enum.all?(list, &valid_expr?/1)

  defp valid_expr?(tuple) when is_tuple(tuple) and tuple_size(tuple) >= 1 do
    [fun | args] = Tuple.to_list(tuple)
    fun in @guard_functions and Enum.all?(args, &valid_expr?/1)
  end

  defp valid_expr?(_), do: true

  defp apply_guard(:self, []), do: self()
  defp apply_guard(:not, [x]), do: not x
  defp apply_guard(:and, [x, y]), do: x and y
  defp apply_guard(:or, [x, y]), do: x or y
  defp apply_guard(:xor, [x, y]), do: x != y and is_boolean(x) and is_boolean(y)
  defp apply_guard(:==, [x, y]), do: x == y
  defp apply_guard(:"=:=", [x, y]), do: x === y
  defp apply_guard(:"/=", [x, y]), do: x != y
  defp apply_guard(:"=/=", [x, y]), do: x !== y
  defp apply_guard(:<, [x, y]), do: x < y
  defp apply_guard(:>, [x, y]), do: x > y
  defp apply_guard(:"=<", [x, y]), do: x <= y
  defp apply_guard(:>=, [x, y]), do: x >= y

  defp apply_guard(fun, args) when fun in @erlang_functions, do: apply(:erlang, fun, args)
end
