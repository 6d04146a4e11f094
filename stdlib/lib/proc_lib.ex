# `:proc_lib` and `:gen`: how OTP's behaviours start processes, call them and stop them,
# after OTP 25's proc_lib.erl and gen.erl.
#
# A process started here records `$ancestors` and `$initial_call` in its dictionary, and
# an exception that leaves it becomes an exit (`{reason, stacktrace}` for an error,
# `{{:nocatch, value}, stacktrace}` for a throw), so the runtime does not print its own
# crash report: the behaviour printed one already (GenServer, Task), or the exit is the
# behaviour's way to stop.

defmodule :proc_lib do
  def spawn(fun), do: :erlang.spawn(:proc_lib, :init_p, [my_name(), ancestors(), fun])
  def spawn(m, f, a), do: :erlang.spawn(:proc_lib, :init_p, [my_name(), ancestors(), m, f, a])
  def spawn_link(fun), do: :erlang.spawn_link(:proc_lib, :init_p, [my_name(), ancestors(), fun])

  def spawn_link(m, f, a),
    do: :erlang.spawn_link(:proc_lib, :init_p, [my_name(), ancestors(), m, f, a])

  def spawn_opt(m, f, a, opts),
    do: :erlang.spawn_opt(:proc_lib, :init_p, [my_name(), ancestors(), m, f, a], opts)

  def start(m, f, a, timeout \\ :infinity, opts \\ []) do
    sync_start(spawn_opt(m, f, a, [:monitor | opts]), timeout)
  end

  def start_link(m, f, a, timeout \\ :infinity, opts \\ []) do
    pid = spawn_opt(m, f, a, [:link | opts])

    case sync_start_link(pid, timeout) do
      # A behaviour that failed to start is ending: let it end before the caller goes on,
      # so that its exit signal comes before anything the caller starts next (on the BEAM
      # the exit follows the acknowledgement at once, on the same scheduler).
      result when m == :gen and (result == :ignore or elem(result, 0) == :error) ->
        wait_end(pid)
        result

      result ->
        result
    end
  end

  defp wait_end(pid) do
    ref = Process.monitor(pid)

    receive do
      {:DOWN, ^ref, _, _, _} -> :ok
    end
  end

  def start_monitor(m, f, a, timeout \\ :infinity, opts \\ []) do
    {pid, ref} = spawn_opt(m, f, a, [:monitor | opts])

    receive do
      {:ack, ^pid, ret} -> {ret, ref}
      {:DOWN, ^ref, :process, ^pid, reason} -> {{:error, reason}, ref}
    after
      timeout ->
        kill_flush(pid)
        {{:error, :timeout}, ref}
    end
  end

  defp sync_start({pid, ref}, timeout) do
    receive do
      {:ack, ^pid, ret} ->
        Process.demonitor(ref, [:flush])
        ret

      {:DOWN, ^ref, :process, ^pid, reason} ->
        {:error, reason}
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        kill_flush(pid)
        {:error, :timeout}
    end
  end

  defp sync_start_link(pid, timeout) do
    receive do
      {:ack, ^pid, ret} -> ret
      {:EXIT, ^pid, reason} -> {:error, reason}
    after
      timeout ->
        kill_flush(pid)
        {:error, :timeout}
    end
  end

  defp kill_flush(pid) do
    Process.unlink(pid)
    Process.exit(pid, :kill)

    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end
  end

  def init_ack(ret) do
    [parent | _] = Process.get(:"$ancestors")
    init_ack(parent, ret)
  end

  def init_ack(parent, ret) do
    send(parent, {:ack, self(), ret})
    :ok
  end

  def init_p(parent, ancestors, fun) do
    Process.put(:"$ancestors", [parent | ancestors])
    Process.put(:"$initial_call", fun_mfa(fun))

    try do
      fun.()
    catch
      kind, reason -> exit_p(kind, reason, __STACKTRACE__)
    end
  end

  def init_p(parent, ancestors, m, f, a) do
    Process.put(:"$ancestors", [parent | ancestors])
    Process.put(:"$initial_call", trans_init(m, f, a))

    try do
      apply(m, f, a)
    catch
      kind, reason -> exit_p(kind, reason, __STACKTRACE__)
    end
  end

  # What `$initial_call` shows for a behaviour: its callback module's init.
  defp trans_init(:gen, :init_it, [:gen_server, _, _, _, :supervisor, {_, mod, _}, _]),
    do: {:supervisor, mod, 1}

  defp trans_init(:gen, :init_it, [_gen_mod, _, _, _, mod, _, _]), do: {mod, :init, 1}
  defp trans_init(m, f, a), do: {m, f, length(a)}

  # Hibernation drops the stack, and with it `init_p`'s catch: `wake_up` puts it back.
  def hibernate(m, f, a), do: :erlang.hibernate(:proc_lib, :wake_up, [m, f, a])

  def wake_up(m, f, a) do
    try do
      apply(m, f, a)
    catch
      kind, reason -> exit_p(kind, reason, __STACKTRACE__)
    end
  end

  defp exit_p(:error, reason, stack), do: :erlang.raise(:exit, {reason, stack}, stack)
  defp exit_p(:throw, reason, stack), do: :erlang.raise(:exit, {{:nocatch, reason}, stack}, stack)
  defp exit_p(:exit, reason, stack), do: :erlang.raise(:exit, reason, stack)

  defp fun_mfa(fun) do
    {:module, m} = :erlang.fun_info(fun, :module)
    {:name, f} = :erlang.fun_info(fun, :name)
    {:arity, a} = :erlang.fun_info(fun, :arity)
    {m, f, a}
  end

  def stop(process), do: stop(process, :normal, :infinity)

  def stop(process, reason, timeout) do
    ref = Process.monitor(process)
    t0 = System.monotonic_time(:millisecond)

    remaining =
      try do
        :sys.terminate(process, reason, timeout)
      catch
        :exit, {:noproc, {:sys, :terminate, _}} ->
          Process.demonitor(ref, [:flush])
          exit(:noproc)

        :exit, {:timeout, {:sys, :terminate, _}} ->
          Process.demonitor(ref, [:flush])
          exit(:timeout)

        :exit, other ->
          Process.demonitor(ref, [:flush])
          exit(other)
      else
        :ok when timeout == :infinity -> :infinity
        :ok -> max(timeout - (System.monotonic_time(:millisecond) - t0), 0)
      end

    receive do
      {:DOWN, ^ref, _, _, ^reason} -> :ok
      {:DOWN, ^ref, _, _, other} -> exit(other)
    after
      remaining ->
        Process.demonitor(ref, [:flush])
        exit(:timeout)
    end
  end

  defp my_name() do
    case Process.info(self(), :registered_name) do
      {:registered_name, name} when is_atom(name) -> name
      _ -> self()
    end
  end

  defp ancestors() do
    case Process.get(:"$ancestors") do
      nil -> []
      list -> list
    end
  end
end

defmodule :gen do
  # `start(GenMod, link | :nolink | :monitor, [name,] mod, args, opts)`: a process running
  # `GenMod.init_it(starter, parent, name, mod, args, opts)`.
  def start(gen_mod, link, name, mod, args, opts) do
    case where(name) do
      :undefined -> do_spawn(gen_mod, link, name, mod, args, opts)
      pid -> {:error, {:already_started, pid}}
    end
  end

  def start(gen_mod, link, mod, args, opts), do: do_spawn(gen_mod, link, self(), mod, args, opts)

  defp do_spawn(gen_mod, link, name, mod, args, opts) do
    time = Keyword.get(opts, :timeout, :infinity)
    spawn_opts = Keyword.get(opts, :spawn_opt, [])

    case link do
      :link ->
        :proc_lib.start_link(:gen, :init_it, [gen_mod, self(), self(), name, mod, args, opts], time, spawn_opts)

      :monitor ->
        case :proc_lib.start_monitor(:gen, :init_it, [gen_mod, self(), self(), name, mod, args, opts], time, spawn_opts) do
          {{:ok, pid}, ref} ->
            {:ok, {pid, ref}}

          {error, ref} ->
            receive do
              {:DOWN, ^ref, :process, _, _} -> error
            end
        end

      _ ->
        :proc_lib.start(:gen, :init_it, [gen_mod, self(), :self, name, mod, args, opts], time, spawn_opts)
    end
  end

  def init_it(gen_mod, starter, parent, name, mod, args, opts) when is_pid(name) do
    gen_mod.init_it(starter, parent, self(), mod, args, opts)
  end

  def init_it(gen_mod, starter, parent, name, mod, args, opts) do
    case register_name(name) do
      true -> gen_mod.init_it(starter, parent, name, mod, args, opts)
      {false, pid} -> :proc_lib.init_ack(starter, {:error, {:already_started, pid}})
    end
  end

  def where({:local, name}), do: (case Process.whereis(name) do nil -> :undefined; pid -> pid end)
  def where({:global, name}), do: :global.whereis_name(name)
  def where({:via, mod, name}), do: mod.whereis_name(name)

  defp register_name({:local, name} = n) do
    try do
      Process.register(self(), name)
      true
    rescue
      _ -> {false, where(n)}
    end
  end

  defp register_name({:global, name} = n) do
    case :global.register_name(name, self()) do
      :yes -> true
      :no -> {false, where(n)}
    end
  end

  defp register_name({:via, mod, name} = n) do
    case mod.register_name(name, self()) do
      :yes -> true
      :no -> {false, where(n)}
    end
  end

  def unregister_name({:local, name}) do
    try do
      Process.unregister(name)
    rescue
      _ -> :ok
    end

    :ok
  end

  def unregister_name({:global, name}), do: :global.unregister_name(name)
  def unregister_name({:via, mod, name}), do: mod.unregister_name(name)
  def unregister_name(_pid), do: :ok

  def name({:local, name}), do: name
  def name({:global, name}), do: name
  def name({:via, _, name}), do: name
  def name(pid), do: pid

  # A call: `{label, {self(), tag}, request}`, answered with `{tag, reply}`.
  def call(process, label, request, timeout \\ 5000)

  def call(process, label, request, timeout) when is_pid(process) do
    call_pid(process, label, request, timeout)
  end

  def call({name, node}, _label, _request, _timeout)
      when name != :global and is_atom(node) and node != node() do
    # No other node is ever connected.
    exit({:nodedown, node})
  end

  def call(process, label, request, timeout) do
    case resolve(process) do
      nil -> exit(:noproc)
      pid -> call_pid(pid, label, request, timeout)
    end
  end

  defp resolve(pid) when is_pid(pid), do: pid
  defp resolve(name) when is_atom(name), do: Process.whereis(name)
  defp resolve({name, node}) when is_atom(name) and node == node(), do: Process.whereis(name)
  defp resolve({:global, name}), do: undefined_nil(:global.whereis_name(name))
  defp resolve({:via, mod, name}), do: undefined_nil(mod.whereis_name(name))
  defp resolve(_), do: nil

  defp undefined_nil(:undefined), do: nil
  defp undefined_nil(pid), do: pid

  # The call to a pid: `{:ok, reply}`, or an exit with the reason (`{reason, mfa}` when
  # `mfa` is given: how `GenServer.call` reports, without a `try` around the call).
  def call_pid(pid, label, request, timeout, mfa \\ nil) do
    # The monitor is an alias too: a reply after a timeout is dropped. A `:DOWN` removes
    # both.
    ref = :erlang.monitor(:process, pid, [{:alias, :demonitor}])
    send(pid, {label, {self(), [:alias | ref]}, request})

    receive do
      {[:alias | ^ref], reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        exit(exit_reason(reason, mfa))
    after
      timeout ->
        Process.demonitor(ref, [:flush])

        receive do
          {[:alias | ^ref], reply} -> {:ok, reply}
        after
          0 -> exit(exit_reason(:timeout, mfa))
        end
    end
  end

  defp exit_reason(reason, nil), do: reason
  defp exit_reason(reason, mfa), do: {reason, mfa}

  def reply({to, [:alias | ref] = tag}, reply) when is_pid(to) and is_reference(ref) do
    :beamlet.send_alias(to, ref, {tag, reply})
    :ok
  end

  def reply({to, tag}, reply) do
    try do
      send(to, {tag, reply})
    catch
      _, _ -> :ok
    end

    :ok
  end
end

# A system server started on first use and registered under a name (`:global`'s name
# server, `:application`'s table): `call(name, module, request)` asks it, starting it if
# nobody has yet (two processes racing to start it agree on the one that registered).
# `module.init/0` gives its first state, `module.handle_call(request, state)` answers
# `{reply, state}`, `module.handle_info(message, state)` takes other messages.
defmodule :beamlet_system_server do
  @moduledoc false

  def call(name, module, request) do
    server = server(name, module)
    ref = Process.monitor(server)
    send(server, {:"$system_call", self(), ref, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, _} ->
        call(name, module, request)
    end
  end

  defp server(name, module) do
    case Process.whereis(name) do
      nil ->
        pid = spawn(fn -> loop(module, module.init()) end)

        try do
          Process.register(pid, name)
          pid
        rescue
          _ ->
            Process.exit(pid, :kill)
            server(name, module)
        end

      pid ->
        pid
    end
  end

  defp loop(module, state) do
    receive do
      {:"$system_call", from, ref, request} ->
        {reply, state} = module.handle_call(request, state)
        send(from, {ref, reply})
        loop(module, state)

      other ->
        loop(module, module.handle_info(other, state))
    end
  end
end
