# Function and Code, the parts scripts (and the OTP library) use.

defmodule Function do
  def capture(module, function_name, arity)
      when is_atom(module) and is_atom(function_name) and is_integer(arity) and arity >= 0,
      do: :erlang.make_fun(module, function_name, arity)

  def identity(value), do: value

  def info(fun) when is_function(fun) do
    for key <- [:module, :name, :arity, :env, :type], do: :erlang.fun_info(fun, key)
  end

  def info(fun, item) when is_function(fun), do: :erlang.fun_info(fun, item)
end

defmodule Code do
  @doc "Evaluates `string` with the variables of `binding` bound: `{value, binding}`."
  def eval_string(string, binding \\ [], opts \\ []) when is_list(binding) do
    string = IO.chardata_to_string(string)
    file = Keyword.get(opts, :file, "nofile")
    names = for {name, _} <- binding, is_atom(name), do: name

    case :beamlet.compile_eval(string, file, names) do
      {:ok, module} ->
        {value, vars} = module.__eval__(Map.new(binding))
        {value, vars |> Map.to_list() |> Enum.sort(:desc)}

      {:error, :incomplete, description, line, column} ->
        raise TokenMissingError, file: file, line: line, column: column, description: description

      {:error, :syntax, description, line, column} ->
        raise SyntaxError, file: file, line: line, column: column, description: description

      {:error, :compile, description, line, _column} ->
        raise CompileError, file: file, line: line, description: description
    end
  end

  def ensure_loaded?(module) when is_atom(module), do: :beamlet.module_loaded(module)

  def ensure_loaded(module) when is_atom(module) do
    if :beamlet.module_loaded(module), do: {:module, module}, else: {:error, :nofile}
  end

  def ensure_compiled(module) when is_atom(module), do: ensure_loaded(module)

  def ensure_loaded!(module) when is_atom(module) do
    if :beamlet.module_loaded(module) do
      module
    else
      raise ArgumentError, "could not load module #{inspect(module)} due to reason :nofile"
    end
  end
end
