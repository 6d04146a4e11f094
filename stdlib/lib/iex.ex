# The REPL's Elixir side (bin/src/repl.rs drives it; docs/internals/repl.md): the shell
# process that evaluates each input with the bindings so far, and the helpers imported at
# the prompt, after IEx.Helpers.

defmodule :beamlet_shell do
  @moduledoc false

  # The shell process: evaluates `{:eval, tag, module, counter, width}` requests from the
  # REPL's host process `host` and answers `{tag, :ok, text}`, `{tag, :error, text}` or
  # `{tag, :respawn}`. Bindings live here, so a crash or an exit signal that ends this
  # process loses them, as in iex.
  def start(host) do
    loop(host, %{})
  end

  defp loop(host, binding) do
    receive do
      {:eval, tag, module, counter, width} ->
        try do
          module.__eval__(binding)
        catch
          kind, reason ->
            send(host, {tag, :error, format_error(kind, reason, __STACKTRACE__)})
            loop(host, binding)
        else
          {:"$beamlet_respawn", _} ->
            send(host, {tag, :respawn})
            loop(host, binding)

          {:"do not show this result in output" = value, binding} ->
            Process.put(:iex_history, Map.put(Process.get(:iex_history, %{}), counter, value))
            Process.put(:iex_counter, counter)
            send(host, {tag, :quiet})
            loop(host, binding)

          {value, binding} ->
            history = Process.get(:iex_history, %{})
            Process.put(:iex_history, Map.put(history, counter, value))
            Process.put(:iex_counter, counter)
            text = inspect(value, pretty: true, width: width)
            send(host, {tag, :ok, text})
            loop(host, binding)
        end
    end
  end

  # Elixir's report without the frames of the evaluation machinery (iex prunes its own).
  def format_error(kind, reason, stacktrace) do
    trace = Enum.reject(stacktrace, &machinery?/1)
    banner = Exception.format_banner(kind, reason, stacktrace)

    case trace do
      [] -> banner <> "\n"
      _ -> banner <> "\n" <> Exception.format_stacktrace(trace)
    end
  end

  defp machinery?({module, _fun, _arity, _loc}) do
    name = Atom.to_string(module)

    String.starts_with?(name, "elixir_compiler_") or
      module in [:beamlet_shell, :beamlet_host, IEx.Helpers]
  end

  defp machinery?(_), do: false
end

defmodule IEx.Helpers do
  @moduledoc false

  @doc "Prints the list of helpers."
  def h() do
    IO.puts("""
    Beamlet's REPL: expressions are evaluated as you type them, and each result is
    printed with inspect. Variables stay bound from one input to the next.

    Helpers:
      c/1          compiles and loads a file; its modules
      flush/0      prints the messages in the shell's mailbox
      h/0          this text
      h/1          the functions of a module
      i/1          information about a term
      pid/1, pid/3 a pid from "0.N.0" or 0, N, 0
      r/1          recompiles the file a module came from
      recompile/0  recompiles every file loaded with c/1
      respawn/0    starts a new shell process (bindings are lost)
      runtime_info/0  the VM: schedulers, processes, memory
      top/0, top/1 the processes using the most memory (or :reductions, :message_queue_len)
      v/0, v/1     the result of the last (or the n-th) input

    Ctrl-C interrupts an evaluation; Ctrl-D leaves.
    """)

    IEx.dont_display_result()
  end

  @doc "Prints the functions a module exports."
  def h(module) when is_atom(module) do
    case :beamlet.module_exports(module) do
      nil ->
        IO.puts("Could not load module #{inspect(module)}, got: nofile")

      funs ->
        IO.puts("#{inspect(module)} exports:\n")

        funs
        |> Enum.reject(fn {name, _} -> String.starts_with?(Atom.to_string(name), "__") end)
        |> Enum.sort()
        |> Enum.each(fn {name, arity} -> IO.puts("  #{name}/#{arity}") end)
    end

    IEx.dont_display_result()
  end

  @doc "The value of the last input."
  def v(), do: v(-1)

  @doc "The value of input n (negative: counting back from the last)."
  def v(n) when is_integer(n) do
    history = Process.get(:iex_history, %{})
    last = Process.get(:iex_counter, 0)
    key = if n < 0, do: last + 1 + n, else: n

    case Map.fetch(history, key) do
      {:ok, value} -> value
      :error -> raise RuntimeError, "v(#{n}) is out of bounds"
    end
  end

  @doc "Prints and drops every message in the shell's mailbox."
  def flush() do
    receive do
      msg ->
        IO.inspect(msg)
        flush()
    after
      0 -> :ok
    end
  end

  @doc "Compiles and loads `path`; the modules it defines."
  def c(path, _dest \\ :in_memory) when is_binary(path) do
    case :beamlet.compile_file(path) do
      {:ok, modules, eval} ->
        eval.__eval__(%{})
        modules

      {:error, message} ->
        IO.write(:stderr, message)
        raise CompileError, description: "cannot compile file (errors have been logged)", file: path
    end
  end

  @doc "Recompiles the file `module` was loaded from."
  def r(module) when is_atom(module) do
    case :beamlet.module_source(module) do
      nil -> raise ArgumentError, "could not find the source for module: #{inspect(module)}"
      path -> {:reloaded, c(path)}
    end
  end

  @doc "Recompiles every file loaded with c/1."
  def recompile() do
    :beamlet.loaded_sources() |> Enum.uniq() |> Enum.each(&c/1)
    :ok
  end

  @doc "A pid from \"0.N.0\" (or \"<0.N.0>\")."
  def pid(string) when is_binary(string) do
    case string |> String.trim_leading("<") |> String.trim_trailing(">") |> String.split(".") do
      [a, b, c] -> pid(String.to_integer(a), String.to_integer(b), String.to_integer(c))
      _ -> raise ArgumentError, "expected a pid like \"0.100.0\", got: #{inspect(string)}"
    end
  end

  @doc "The pid #PID<a.b.c>."
  def pid(0, b, 0) when is_integer(b) and b >= 0, do: :beamlet.make_pid(b)

  def pid(a, b, c) do
    raise ArgumentError, "no pid #PID<#{a}.#{b}.#{c}> on this node"
  end

  @doc "Starts a new shell process; the bindings are lost."
  def respawn(), do: :"$beamlet_respawn"

  @doc "Prints information about the VM."
  def runtime_info() do
    mem = :erlang.memory()

    IO.puts("""

    ## System and architecture

    Elixir version:     #{System.version()}
    Beamlet:            a BEAM written in Rust
    Schedulers:         #{:erlang.system_info(:schedulers)}
    Schedulers online:  #{:erlang.system_info(:schedulers_online)}

    ## Memory

    Atoms:              #{format_bytes(mem[:atom])}
    Binaries:           #{format_bytes(mem[:binary])}
    Code:               #{format_bytes(mem[:code])}
    Processes:          #{format_bytes(mem[:processes])}
    Total:              #{format_bytes(mem[:total])}

    ## Statistics / limits

    Uptime:             #{format_uptime()}
    Run queue:          #{:erlang.statistics(:run_queue)}
    Atoms:              #{:erlang.system_info(:atom_count)} / #{:erlang.system_info(:atom_limit)}
    Processes:          #{:erlang.system_info(:process_count)} / #{:erlang.system_info(:process_limit)}
    """)

    IEx.dont_display_result()
  end

  defp format_bytes(nil), do: "-"
  defp format_bytes(b) when b < 1024, do: "#{b} B"
  defp format_bytes(b) when b < 1024 * 1024, do: "#{Float.round(b / 1024, 1)} KB"
  defp format_bytes(b), do: "#{Float.round(b / (1024 * 1024), 1)} MB"

  defp format_uptime() do
    {ms, _} = :erlang.statistics(:wall_clock)
    "#{div(ms, 1000)} s"
  end

  @doc "The processes using the most memory (or the most of `key`), as a table."
  def top(key \\ :memory, n \\ 10)
      when key in [:memory, :reductions, :message_queue_len] and is_integer(n) do
    keys = [:registered_name, :memory, :reductions, :message_queue_len, :current_function]

    rows =
      Process.list()
      |> Enum.map(fn pid -> {pid, Process.info(pid, keys)} end)
      |> Enum.reject(fn {_, info} -> info == nil end)
      |> Enum.sort_by(fn {_, info} -> -Keyword.get(info, key, 0) end)
      |> Enum.take(n)

    IO.puts(
      pad("PID", 16) <>
        pad("NAME", 24) <> pad("MEMORY", 10) <> pad("REDUCTIONS", 12) <> pad("MSGS", 6) <> "CURRENT"
    )

    for {pid, info} <- rows do
      name =
        case Keyword.get(info, :registered_name) do
          [] -> ""
          nil -> ""
          n -> inspect(n)
        end

      current =
        case Keyword.get(info, :current_function) do
          {m, f, a} -> Exception.format_mfa(m, f, a)
          _ -> ""
        end

      IO.puts(
        pad(inspect(pid), 16) <>
          pad(name, 24) <>
          pad(Integer.to_string(Keyword.get(info, :memory, 0)), 10) <>
          pad(Integer.to_string(Keyword.get(info, :reductions, 0)), 12) <>
          pad(Integer.to_string(Keyword.get(info, :message_queue_len, 0)), 6) <> current
      )
    end

    IEx.dont_display_result()
  end

  defp pad(s, n), do: String.pad_trailing(s, n - 1) <> " "

  @doc "Prints information about a term: its value, type and related functions."
  def i(term) do
    {type, extra} = describe(term)

    IO.puts("Term\n  #{inspect(term)}\nData type\n  #{type}")

    for {title, text} <- extra do
      IO.puts("#{title}\n  #{text}")
    end

    IEx.dont_display_result()
  end

  defp describe(t) when is_integer(t), do: {"Integer", [{"Reference modules", "Integer"}]}
  defp describe(t) when is_float(t), do: {"Float", [{"Reference modules", "Float"}]}
  defp describe(t) when is_boolean(t), do: {"Atom", [{"Reference modules", "Atom"}]}

  defp describe(t) when is_atom(t) do
    if :beamlet.module_exports(t) != nil do
      {"Atom", [{"Module", "#{inspect(t)} is a loaded module"}, {"Reference modules", "Module, Atom"}]}
    else
      {"Atom", [{"Reference modules", "Atom"}]}
    end
  end

  defp describe(t) when is_binary(t) do
    extra = [{"Byte size", Integer.to_string(byte_size(t))}]

    if String.valid?(t) do
      {"BitString",
       [{"Description", "This is a string: a UTF-8 encoded binary."} | extra] ++
         [{"Reference modules", "String, :binary"}]}
    else
      {"BitString", extra ++ [{"Reference modules", ":binary"}]}
    end
  end

  defp describe(t) when is_bitstring(t), do: {"BitString", [{"Bit size", "#{bit_size(t)}"}]}

  defp describe(t) when is_list(t) do
    extra = if List.ascii_printable?(t) and t != [], do: [{"Description", "This is a list of integers that is printed as a sequence of characters."}], else: []
    {"List", extra ++ [{"Reference modules", "List, Enum"}]}
  end

  defp describe(t) when is_tuple(t), do: {"Tuple", [{"Reference modules", "Tuple"}]}

  defp describe(%module{}) do
    {inspect(module), [{"Description", "This is a struct."}, {"Reference modules", "#{inspect(module)}, Map"}]}
  end

  defp describe(t) when is_map(t), do: {"Map", [{"Reference modules", "Map"}]}

  defp describe(t) when is_function(t) do
    {:arity, a} = Function.info(t, :arity)
    {"Function", [{"Arity", Integer.to_string(a)}, {"Reference modules", "Function"}]}
  end

  defp describe(t) when is_pid(t) do
    alive = Process.alive?(t)
    {"PID", [{"Alive", inspect(alive)}, {"Reference modules", "Process"}]}
  end

  defp describe(t) when is_reference(t), do: {"Reference", [{"Reference modules", "Kernel"}]}
  defp describe(_), do: {"Term", []}
end

defmodule IEx do
  @moduledoc false

  @doc "A value the REPL does not print (what helpers that print return)."
  def dont_display_result(), do: :"do not show this result in output"
end
