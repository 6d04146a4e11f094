defmodule Exception do
  # The exception struct for what was raised: Erlang error terms become Elixir's
  # exceptions, as `rescue` sees them.
  def normalize(:error, %{__exception__: true} = e, _stacktrace), do: e
  def normalize(:error, reason, stacktrace), do: ErlangError.normalize(reason, stacktrace)
  def normalize(_kind, reason, _stacktrace), do: reason

  def message(%{__struct__: module} = e), do: module.message(e)

  # The exception with what its module's `blame/2` adds (FunctionClauseError: the
  # arguments), and the stack trace it leaves.
  def blame(:error, error, stacktrace) do
    %module{} = struct = normalize(:error, error, stacktrace)

    if function_exported?(module, :blame, 2) do
      module.blame(struct, stacktrace)
    else
      {struct, stacktrace}
    end
  end

  def blame(_kind, reason, stacktrace), do: {reason, stacktrace}

  def format_banner(kind, reason, stacktrace \\ [])

  def format_banner(:error, reason, stacktrace) do
    e = normalize(:error, reason, stacktrace)
    "** (" <> inspect(e.__struct__) <> ") " <> message(e)
  end

  def format_banner(:throw, reason, _), do: "** (throw) " <> inspect(reason)
  def format_banner(:exit, reason, _), do: "** (exit) " <> format_exit(reason)

  def format_exit(reason), do: format_exit(reason, "\n    ")

  defp format_exit({exception, [_ | _] = stack} = reason, joiner) do
    try do
      Enum.map(stack, &format_stacktrace_entry/1)
    rescue
      _ -> format_exit_reason(reason)
    else
      formatted ->
        message = "an exception was raised:" <> joiner <> format_banner(:error, exception, stack)
        Enum.join([message | formatted], joiner <> "    ")
    end
  end

  defp format_exit({:shutdown, {:failed_to_start_child, child, {:EXIT, reason}}}, joiner),
    do: format_start_child(child, reason, joiner)

  defp format_exit({:shutdown, {:failed_to_start_child, child, reason}}, joiner),
    do: format_start_child(child, reason, joiner)

  defp format_exit({reason2, {mod, fun, args}} = reason, joiner) when is_list(args) and length(args) < 256 do
    try do
      format_mfa(mod, fun, args)
    rescue
      _ -> format_exit_reason(reason)
    else
      mfa -> "exited in: " <> mfa <> joiner <> "** (EXIT) " <> format_exit(reason2, joiner <> "    ")
    end
  end

  defp format_exit(reason, _joiner), do: format_exit_reason(reason)

  defp format_start_child(child, reason, joiner) do
    "shutdown: failed to start child: " <> inspect(child) <> joiner <> "** (EXIT) " <>
      format_exit(reason, joiner <> "    ")
  end

  defp format_exit_reason(:normal), do: "normal"
  defp format_exit_reason(:shutdown), do: "shutdown"
  defp format_exit_reason({:shutdown, reason}), do: "shutdown: " <> inspect(reason)
  defp format_exit_reason(:calling_self), do: "process attempted to call itself"
  defp format_exit_reason(:timeout), do: "time out"
  defp format_exit_reason(:killed), do: "killed"
  defp format_exit_reason(:noconnection), do: "no connection"

  defp format_exit_reason(:noproc),
    do: "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started"

  defp format_exit_reason({:nodedown, node}) when is_atom(node), do: "no connection to " <> Atom.to_string(node)
  defp format_exit_reason({:already_started, pid}), do: "already started: " <> inspect(pid)
  defp format_exit_reason({:bad_return_value, value}), do: "bad return value: " <> inspect(value)
  defp format_exit_reason({:bad_call, request}), do: "bad call: " <> inspect(request)
  defp format_exit_reason({:bad_cast, request}), do: "bad cast: " <> inspect(request)

  defp format_exit_reason({:bad_return, {mod, :init, value}}) when is_atom(mod),
    do: format_mfa(mod, :init, 1) <> " returned a bad value: " <> inspect(value)

  defp format_exit_reason({:bad_start_spec, start_spec}),
    do: "bad child specification, invalid children: " <> inspect(start_spec)

  defp format_exit_reason({:start_spec, start_spec}),
    do: "bad child specification, " <> format_sup_spec(start_spec)

  defp format_exit_reason({:supervisor_data, data}),
    do: "bad supervisor configuration, " <> format_sup_data(data)

  defp format_exit_reason(reason), do: inspect(reason)

  defp format_sup_data({:invalid_type, type}), do: "invalid type: " <> inspect(type)
  defp format_sup_data({:invalid_strategy, strategy}), do: "invalid strategy: " <> inspect(strategy)
  defp format_sup_data({:invalid_intensity, i}), do: "invalid max_restarts (intensity): " <> inspect(i)
  defp format_sup_data({:invalid_period, p}), do: "invalid max_seconds (period): " <> inspect(p)
  defp format_sup_data({:invalid_max_children, m}), do: "invalid max_children: " <> inspect(m)
  defp format_sup_data({:invalid_extra_arguments, e}), do: "invalid extra_arguments: " <> inspect(e)
  defp format_sup_data(other), do: "got: " <> inspect(other)

  defp format_sup_spec({:duplicate_child_name, id}) do
    """
    more than one child specification has the id: #{inspect(id)}.
    If using maps as child specifications, make sure the :id keys are unique.
    If using a module or {module, arg} as child, use Supervisor.child_spec/2 to change the :id, for example:

        children = [
          Supervisor.child_spec({MyWorker, arg}, id: :my_worker_1),
          Supervisor.child_spec({MyWorker, arg}, id: :my_worker_2)
        ]
    """
  end

  defp format_sup_spec({:invalid_child_spec, spec}), do: "invalid child specification: " <> inspect(spec)

  defp format_sup_spec({:invalid_child_type, type}),
    do: "invalid child type: " <> inspect(type) <> ". Must be :worker or :supervisor."

  defp format_sup_spec({:invalid_mfa, mfa}), do: "invalid mfa: " <> inspect(mfa)

  defp format_sup_spec({:invalid_restart_type, restart}),
    do: "invalid restart type: " <> inspect(restart) <> ". Must be :permanent, :transient or :temporary."

  defp format_sup_spec({:invalid_shutdown, shutdown}),
    do: "invalid shutdown: " <> inspect(shutdown) <> ". Must be an integer >= 0, :infinity or :brutal_kill."

  defp format_sup_spec({:invalid_module, mod}), do: "invalid module: " <> inspect(mod) <> ". Must be an atom."

  defp format_sup_spec({:invalid_modules, mods}),
    do: "invalid modules: " <> inspect(mods) <> ". Must be a list of atoms or :dynamic."

  defp format_sup_spec(other), do: "got: " <> inspect(other)

  def format(kind, reason, stacktrace) do
    format_banner(kind, reason, stacktrace) <> "\n" <> format_stacktrace(stacktrace)
  end

  def format_stacktrace(trace) do
    :erlang.iolist_to_binary(format_entries(trace))
  end

  defp format_entries([]), do: []
  defp format_entries([entry | rest]), do: ["    ", format_stacktrace_entry(entry), "\n" | format_entries(rest)]

  def format_stacktrace_entry({_module, :__FILE__, 1, location}) do
    format_location(location) <> "(file)"
  end

  def format_stacktrace_entry({module, fun, arity, location}) do
    format_location(location) <> format_mfa(module, fun, arity)
  end

  defp format_location(location) do
    case {:lists.keyfind(:file, 1, location), :lists.keyfind(:line, 1, location)} do
      {{:file, file}, {:line, line}} -> List.to_string(file) <> ":" <> Integer.to_string(line) <> ": "
      {{:file, file}, false} -> List.to_string(file) <> ": "
      _ -> ""
    end
  end

  def format_mfa(module, fun, arity) do
    case anonymous_fun_parent(Atom.to_string(fun)) do
      {outer, outer_arity} ->
        "anonymous fn" <> format_arity(arity) <> " in " <> inspect(module) <> "." <>
          remote_name(outer) <> "/" <> outer_arity

      :error ->
        inspect(module) <> "." <> remote_name(Atom.to_string(fun)) <> format_arity(arity)
    end
  end

  defp format_arity(args) when is_list(args), do: "(" <> Enum.map_join(args, ", ", &inspect/1) <> ")"
  defp format_arity(arity), do: "/" <> Integer.to_string(arity)

  # `-outer/2-fun-0-` is an anonymous function defined in outer/2.
  defp anonymous_fun_parent("-" <> rest) do
    [trailing | reversed] = Enum.reverse(String.split(rest, "/"))

    case String.split(trailing, "-") do
      [arity, _inner, _count, ""] -> {Enum.join(Enum.reverse(reversed), "/"), arity}
      _ -> :error
    end
  end

  defp anonymous_fun_parent(_), do: :error

  # A function name as it is written after `Mod.`: quoted when it is not an identifier.
  defp remote_name(name) do
    case inspect(String.to_atom(name)) do
      ":" <> rest -> rest
      other -> other
    end
  end
  def exception?(term), do: is_map(term) and :erlang.is_map_key(:__exception__, term) and :erlang.map_get(:__exception__, term) === true
end

defmodule ErlangError do
  defexception [:original, :reason]

  def message(%{original: original}), do: "Erlang error: " <> inspect(original)

  # A BIF's badarg (its arguments in its entry) or a failed binary construction (the
  # cause in the error info).
  def normalize(:badarg, [{m, f, args, opts} | _]) when is_list(opts) do
    case :lists.keyfind(:error_info, 1, opts) do
      {:error_info, %{function: :format_bs_fail, cause: {segment, type, error, value}}} ->
        message =
          "construction of binary failed: segment " <> Integer.to_string(segment) <>
            " of type '" <> Atom.to_string(type) <> "': " <> bs_fail(type, error, value)

        %ArgumentError{message: message}

      {:error_info, _} when is_list(args) ->
        %ArgumentError{message: bif_message(m, f, args)}

      _ ->
        %ArgumentError{}
    end
  end

  def normalize(:badarg, _), do: %ArgumentError{}
  def normalize({:badarg, payload}, _), do: %ArgumentError{message: "argument error: " <> inspect(payload)}
  def normalize(:badarith, _), do: %ArithmeticError{}
  def normalize(:system_limit, _), do: %SystemLimitError{}
  def normalize({:badarity, {fun, args}}, _), do: %BadArityError{function: fun, args: args}
  def normalize({:badfun, term}, _), do: %BadFunctionError{term: term}
  def normalize({:badmatch, term}, _), do: %MatchError{term: term}
  def normalize({:badmap, term}, _), do: %BadMapError{term: term}
  def normalize({:badbool, op, term}, _), do: %BadBooleanError{operator: op, term: term}
  # The map is in the failing BIF's stack-trace entry.
  def normalize({:badkey, key}, stacktrace) do
    term =
      case stacktrace do
        [{Map, :get_and_update!, [map, _, _], _} | _] -> map
        [{Map, :update!, [map, _, _], _} | _] -> map
        [{:maps, :update, [_, _, map], _} | _] -> map
        [{:maps, :get, [_, map], _} | _] -> map
        [{:erlang, :map_get, [_, map], _} | _] -> map
        _ -> nil
      end

    %KeyError{key: key, term: term}
  end

  def normalize({:badkey, key, map}, _) when is_map(map), do: %KeyError{key: key, term: map}

  def normalize({:badkey, key, term}, _) do
    message =
      "key " <> inspect(key) <> " not found in: " <> inspect(term) <> ". " <>
        "If you are using the dot syntax, such as map.field, " <>
        "make sure the left-hand side of the dot is a map"

    %KeyError{key: key, term: term, message: message}
  end
  def normalize({:case_clause, term}, _), do: %CaseClauseError{term: term}
  def normalize({:with_clause, term}, _), do: %WithClauseError{term: term}
  def normalize({:try_clause, term}, _), do: %TryClauseError{term: term}
  def normalize({:protocol_undefined, protocol, value}, _), do: %Protocol.UndefinedError{protocol: protocol, value: value}

  def normalize(:undef, [{module, function, args, _} | _]) do
    %UndefinedFunctionError{module: module, function: function, arity: arity_of(args)}
  end

  def normalize(:function_clause, [{module, function, args, _} | _]) do
    %FunctionClauseError{module: module, function: function, arity: arity_of(args)}
  end

  def normalize(other, _), do: %ErlangError{original: other}

  # OTP 25's explanation of a BIF's bad arguments, as Elixir prints it.
  # erl_erts_errors:format_bs_fail/2's texts, values shown by inspect as Elixir asks.
  defp bs_fail(:float, :invalid, value),
    do: "expected one of the supported sizes 16, 32, or 64 but got: " <> inspect(value)

  defp bs_fail(:float, :no_float, value),
    do: "the value " <> inspect(value) <> " is outside the range expressible as a float"

  defp bs_fail(:binary, :unit, value),
    do: "the size of the value " <> inspect(value) <> " is not a multiple of the unit for the segment"

  defp bs_fail(_type, :short, value),
    do: "the value " <> inspect(value) <> " is shorter than the size of the segment"

  defp bs_fail(_type, :size, value),
    do: "expected a non-negative integer as size but got: " <> inspect(value)

  defp bs_fail(type, :type, value) do
    expected =
      case type do
        :binary -> "a binary"
        :float -> "a float or an integer"
        :integer -> "an integer"
        _ -> "a non-negative integer encodable as " <> Atom.to_string(type)
      end

    "expected " <> expected <> " but got: " <> inspect(value)
  end

  defp bif_message(m, f, args) do
    case :beamlet.bif_arg_errors(m, f, args) do
      [] ->
        "argument error"

      errors ->
        lines = for {pos, text} <- errors, do: "  * " <> ordinal(pos) <> " argument: " <> text <> "\n"
        "errors were found at the given arguments:\n\n" <> :erlang.iolist_to_binary(lines)
    end
  end

  defp ordinal(1), do: "1st"
  defp ordinal(2), do: "2nd"
  defp ordinal(3), do: "3rd"
  defp ordinal(n), do: Integer.to_string(n) <> "th"

  defp arity_of(args) when is_list(args), do: length(args)
  defp arity_of(arity), do: arity
end

defmodule RuntimeError do
  defexception message: "runtime error"
end

defmodule CompileError do
  defexception file: nil, line: nil, description: "compile error"

  def message(%{file: file, line: line, description: description}) do
    location(file, line) <> description
  end

  defp location(nil, _), do: ""
  defp location(file, nil), do: "#{file}: "
  defp location(file, line), do: "#{file}:#{line}: "
end

defmodule SyntaxError do
  defexception file: nil, line: nil, column: nil, description: "syntax error"

  def message(%{file: file, line: line, column: column, description: description}) do
    SyntaxError.location(file, line, column) <> description
  end

  @doc false
  def location(nil, _, _), do: ""
  def location(file, nil, _), do: "#{file}: "
  def location(file, line, nil), do: "#{file}:#{line}: "
  def location(file, line, column), do: "#{file}:#{line}:#{column}: "
end

defmodule TokenMissingError do
  defexception file: nil, line: nil, column: nil, description: "expression is incomplete"

  def message(error), do: SyntaxError.message(error)
end

defmodule ArgumentError do
  defexception message: "argument error"
end

defmodule ArithmeticError do
  defexception message: "bad argument in arithmetic expression"
end

defmodule SystemLimitError do
  defexception message: "a system limit has been reached"
end

defmodule MatchError do
  defexception [:term]
  def message(e), do: "no match of right hand side value: " <> inspect(e.term)
end

defmodule CaseClauseError do
  defexception [:term]
  def message(e), do: "no case clause matching: " <> inspect(e.term)
end

defmodule WithClauseError do
  defexception [:term]
  def message(e), do: "no with clause matching: " <> inspect(e.term)
end

defmodule TryClauseError do
  defexception [:term]
  def message(e), do: "no try clause matching: " <> inspect(e.term)
end

defmodule CondClauseError do
  defexception []
  def message(_), do: "no cond clause evaluated to a truthy value"
end

defmodule BadMapError do
  defexception [:term]
  def message(e), do: "expected a map, got: " <> inspect(e.term)
end

defmodule BadStructError do
  defexception [:struct, :term]
  def message(e), do: "expected a struct named " <> inspect(e.struct) <> ", got: " <> inspect(e.term)
end

defmodule BadBooleanError do
  defexception [:term, :operator]

  def message(e) do
    "expected a boolean on left-side of \"" <> Atom.to_string(e.operator) <> "\", got: " <> inspect(e.term)
  end
end

defmodule BadFunctionError do
  defexception [:term]
  def message(e), do: "expected a function, got: " <> inspect(e.term)
end

defmodule BadArityError do
  defexception [:function, :args]

  def message(e) do
    {:arity, arity} = :erlang.fun_info(e.function, :arity)
    args = e.args
    n = length(args)
    shown = Enum.map_join(args, ", ", &inspect/1)
    inspect(e.function) <> " with arity " <> Integer.to_string(arity) <> " called with " <>
      count(n) <> " (" <> shown <> ")"
  end

  defp count(0), do: "no arguments"
  defp count(1), do: "1 argument"
  defp count(n), do: Integer.to_string(n) <> " arguments"
end

defmodule KeyError do
  defexception [:key, :term, :message]

  def message(%{message: nil, key: key, term: term}), do: message(key, term)
  def message(%{message: message}), do: message

  def message(key, nil), do: "key " <> inspect(key) <> " not found"
  def message(key, term), do: "key " <> inspect(key) <> " not found in: " <> inspect(term)

  # The message, with the keys of an atom-keyed map or keyword list that are close to
  # the missing atom key (String.jaro_distance/2 of at least 0.77, the closest five,
  # in key order).
  def blame(%{message: message} = exception, stacktrace) when is_binary(message) do
    {exception, stacktrace}
  end

  def blame(%{term: nil} = exception, stacktrace) do
    {%{exception | message: message(exception.key, nil)}, stacktrace}
  end

  def blame(%{term: term, key: key} = exception, stacktrace) do
    message = message(key, term)

    if is_atom(key) and (atom_keyed_map?(term) or Keyword.keyword?(term)) do
      {%{exception | message: message <> did_you_mean(key, available_keys(term))}, stacktrace}
    else
      {%{exception | message: message}, stacktrace}
    end
  end

  defp atom_keyed_map?(term) do
    is_map(term) and Enum.all?(Map.to_list(term), fn {k, _} -> is_atom(k) end)
  end

  defp available_keys(term) when is_map(term), do: Map.keys(term)
  defp available_keys(term) when is_list(term), do: Keyword.keys(term)

  defp did_you_mean(missing, keys) do
    name = Atom.to_string(missing)

    suggestions =
      for key <- keys,
          distance = String.jaro_distance(name, Atom.to_string(key)),
          distance >= 0.77,
          do: {distance, key}

    case suggestions do
      [] ->
        ""

      _ ->
        ". Did you mean:\n\n" <>
          (suggestions
           |> Enum.sort(&(elem(&1, 0) >= elem(&2, 0)))
           |> Enum.take(5)
           |> Enum.sort(&(elem(&1, 1) <= elem(&2, 1)))
           |> Enum.map(fn {_, key} -> "      * " <> inspect(key) <> "\n" end)
           |> Enum.join())
    end
  end
end

defmodule UndefinedFunctionError do
  defexception [:module, :function, :arity, :reason, :message]

  def message(%{message: nil} = e) do
    {message, _loaded?} = message(e.reason, e.module, e.function, e.arity)
    message
  end

  def message(%{message: message}), do: message

  defp message(nil, module, function, arity) do
    cond do
      is_nil(function) or is_nil(arity) ->
        {"undefined function", false}

      is_nil(module) ->
        {"function " <> Exception.format_mfa(module, function, arity) <> " is undefined", false}

      :beamlet.module_loaded(module) ->
        message(:"function not exported", module, function, arity)

      true ->
        message(:"module could not be loaded", module, function, arity)
    end
  end

  defp message(:"module could not be loaded", module, function, arity) do
    {"function " <> Exception.format_mfa(module, function, arity) <>
       " is undefined (module " <> inspect(module) <> " is not available)", false}
  end

  defp message(:"function not exported", module, function, arity) do
    {"function " <> Exception.format_mfa(module, function, arity) <> " is undefined or private",
     true}
  end

  defp message(reason, module, function, arity) do
    {"function " <> Exception.format_mfa(module, function, arity) <>
       " is undefined (" <> to_string(reason) <> ")", false}
  end

  # The message again, with a hint: the exported functions whose names are close to
  # the missing one's (String.jaro_distance/2 of at least 0.77; the same name's other
  # arities first), the closest five in name order. (Elixir also says when a macro of
  # that name and arity exists; macros here are the compiler's.)
  def blame(exception, stacktrace) do
    %{reason: reason, module: module, function: function, arity: arity} = exception
    {message, loaded?} = message(reason, module, function, arity)
    {%{exception | message: message <> hint(module, function, arity, loaded?)}, stacktrace}
  end

  defp hint(nil, _function, 0, _loaded?) do
    ". If you are using the dot syntax, such as module.function(), " <>
      "make sure the left-hand side of the dot is a module atom"
  end

  defp hint(module, function, _arity, true), do: did_you_mean(module, function)
  defp hint(_module, _function, _arity, _loaded?), do: ""

  defp did_you_mean(module, function) do
    exports = exports_for(module)

    candidates =
      case Keyword.take(exports, [function]) do
        [] ->
          base = Atom.to_string(function)

          for {name, arity} <- exports -- deprecated_for(module),
              dist = String.jaro_distance(base, Atom.to_string(name)),
              dist >= 0.77,
              do: {dist, name, arity}

        arities ->
          for {name, arity} <- arities, do: {1.0, name, arity}
      end

    suggestions =
      candidates
      |> Enum.sort(&(elem(&1, 0) >= elem(&2, 0)))
      |> Enum.take(5)
      |> Enum.sort(&(elem(&1, 1) <= elem(&2, 1)))

    case suggestions do
      [] ->
        ""

      _ ->
        ". Did you mean:\n\n" <>
          Enum.map_join(suggestions, fn {_, name, arity} ->
            "      * " <> function_name(name) <> "/" <> Integer.to_string(arity) <> "\n"
          end)
    end
  end

  # A function's name as Elixir writes it after `&` (`upcase`, `+`, `"odd name"`).
  defp function_name(name) do
    case inspect(name) do
      ":" <> text -> text
      text -> text
    end
  end

  defp exports_for(module) do
    exports =
      if function_exported?(module, :__info__, 1) do
        module.__info__(:macros) ++ module.__info__(:functions)
      else
        module.module_info(:exports)
      end

    Enum.sort(exports)
  rescue
    _ -> []
  end

  defp deprecated_for(module) do
    if function_exported?(module, :__info__, 1) do
      for {name_arity, _message} <- module.__info__(:deprecated), do: name_arity
    else
      []
    end
  rescue
    _ -> []
  end
end

defmodule FunctionClauseError do
  defexception [:module, :function, :arity, :kind, :args, :clauses]

  def message(%{function: nil}), do: "no function clause matches"

  def message(e) do
    "no function clause matching in " <>
      Exception.format_mfa(e.module, e.function, e.arity) <> blame(e, &inspect/1, & &1)
  end

  # The arguments of the failing call, from the first entry of the stack trace, which
  # then shows the arity. (Elixir also lists the clauses tried, read from the module's
  # debug info; modules here have none, as a script's modules have none in Elixir.)
  def blame(%{module: module, function: function, arity: arity} = exception, stacktrace) do
    case stacktrace do
      [{^module, ^function, args, meta} | rest] when length(args) == arity ->
        {%{exception | args: args}, [{module, function, arity, meta} | rest]}

      stacktrace ->
        {exception, stacktrace}
    end
  end

  def blame(%{args: nil}, _inspect_fun, _ast_fun), do: ""

  def blame(exception, inspect_fun, _ast_fun) do
    %{module: module, function: function, arity: arity, args: args} = exception
    mfa = Exception.format_mfa(module, function, arity)

    formatted_args =
      args
      |> Enum.with_index(1)
      |> Enum.map(fn {arg, i} ->
        "\n    # " <> Integer.to_string(i) <> "\n    " <> pad(inspect_fun.(arg)) <> "\n"
      end)
      |> Enum.join()

    "\n\nThe following arguments were given to " <> mfa <> ":\n" <> formatted_args
  end

  defp pad(string), do: String.replace(string, "\n", "\n    ")
end

defmodule Kernel.CLI do
  # The report of an error that ends a script, as `elixir` prints it on stderr.
  def format_error(kind, reason, stacktrace) do
    {blamed, stacktrace} = Exception.blame(kind, reason, stacktrace)

    iodata =
      case blamed do
        %FunctionClauseError{} ->
          formatted = Exception.format_banner(kind, reason, stacktrace)
          padded_blame = pad(FunctionClauseError.blame(blamed, &inspect/1, & &1))
          [formatted, padded_blame]

        _ ->
          Exception.format_banner(kind, blamed, stacktrace)
      end

    [iodata, ?\n, Exception.format_stacktrace(stacktrace)]
  end

  defp pad(string), do: "    " <> String.replace(string, "\n", "\n    ")
end

defmodule Protocol.UndefinedError do
  defexception [:protocol, :value, description: ""]

  def message(e) do
    "protocol " <> inspect(e.protocol) <> " not implemented for " <> inspect(e.value) <>
      " of type " <> type_of(e.value) <> description(e.description)
  end

  defp description(""), do: ""
  defp description(text), do: ", " <> text

  defp type_of(%{__struct__: struct}) when is_atom(struct), do: inspect(struct) <> " (a struct)"
  defp type_of(v) when is_bitstring(v), do: "BitString"
  defp type_of(v) when is_tuple(v), do: "Tuple"
  defp type_of(v) when is_map(v), do: "Map"
  defp type_of(v) when is_list(v), do: "List"
  defp type_of(v) when is_atom(v), do: "Atom"
  defp type_of(v) when is_integer(v), do: "Integer"
  defp type_of(v) when is_float(v), do: "Float"
  defp type_of(v) when is_function(v), do: "Function"
  defp type_of(v) when is_pid(v), do: "PID"
  defp type_of(_), do: "Any"
end
