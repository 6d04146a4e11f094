# DynamicSupervisor, after Elixir 1.14's: a GenServer whose children are a map from pid to
# `{mfa, restart, shutdown, type, modules}` (or `{:restarting, child}` while a restart is
# retried), started on demand. `Task.Supervisor` is built on it (`{:start_task, ...}`).

defmodule DynamicSupervisor do
  @behaviour GenServer

  defstruct [
    :name,
    :mod,
    :args,
    :extra_arguments,
    :max_children,
    :max_restarts,
    :max_seconds,
    :strategy,
    children: %{},
    restarts: []
  ]

  @callback init(term()) :: term()

  def child_spec(options) when is_list(options) do
    id =
      case Keyword.get(options, :name, DynamicSupervisor) do
        name when is_atom(name) -> name
        {:global, name} -> name
        {:via, _module, name} -> name
      end

    %{id: id, start: {DynamicSupervisor, :start_link, [options]}, type: :supervisor}
  end

  def start_link(options) when is_list(options) do
    keys = [:extra_arguments, :max_children, :max_seconds, :max_restarts, :strategy]
    {sup_opts, start_opts} = Keyword.split(options, keys)
    start_link(Supervisor.Default, init(sup_opts), start_opts)
  end

  def start_link(module, init_arg, opts \\ []) do
    GenServer.start_link(__MODULE__, {module, init_arg, opts[:name]}, opts)
  end

  def start_child(supervisor, {_, _, _, _, _, _} = child_spec),
    do: validate_and_start_child(supervisor, child_spec)

  def start_child(supervisor, child_spec),
    do: validate_and_start_child(supervisor, Supervisor.child_spec(child_spec, []))

  defp validate_and_start_child(supervisor, child_spec) do
    case validate_child(child_spec) do
      {:ok, child} -> call(supervisor, {:start_child, child})
      error -> {:error, error}
    end
  end

  defp validate_child(%{id: _, start: {mod, _, _} = start} = child) do
    restart = Map.get(child, :restart, :permanent)
    type = Map.get(child, :type, :worker)
    modules = Map.get(child, :modules, [mod])

    shutdown =
      case type do
        :worker -> Map.get(child, :shutdown, 5000)
        :supervisor -> Map.get(child, :shutdown, :infinity)
      end

    validate_child(start, restart, shutdown, type, modules)
  end

  defp validate_child({_, start, restart, shutdown, type, modules}),
    do: validate_child(start, restart, shutdown, type, modules)

  defp validate_child(other), do: {:invalid_child_spec, other}

  defp validate_child(start, restart, shutdown, type, modules) do
    with :ok <- validate_start(start),
         :ok <- validate_restart(restart),
         :ok <- validate_shutdown(shutdown),
         :ok <- validate_type(type),
         :ok <- validate_modules(modules) do
      {:ok, {start, restart, shutdown, type, modules}}
    end
  end

  defp validate_start({m, f, args}) when is_atom(m) and is_atom(f) and is_list(args), do: :ok
  defp validate_start(mfa), do: {:invalid_mfa, mfa}

  defp validate_type(type) when type in [:supervisor, :worker], do: :ok
  defp validate_type(type), do: {:invalid_child_type, type}

  defp validate_restart(restart) when restart in [:permanent, :temporary, :transient], do: :ok
  defp validate_restart(restart), do: {:invalid_restart_type, restart}

  defp validate_shutdown(shutdown) when is_integer(shutdown) and shutdown > 0, do: :ok
  defp validate_shutdown(shutdown) when shutdown in [:infinity, :brutal_kill], do: :ok
  defp validate_shutdown(shutdown), do: {:invalid_shutdown, shutdown}

  defp validate_modules(:dynamic), do: :ok

  defp validate_modules(mods) do
    if is_list(mods) and Enum.all?(mods, &is_atom/1), do: :ok, else: {:invalid_modules, mods}
  end

  def terminate_child(supervisor, pid) when is_pid(pid), do: call(supervisor, {:terminate_child, pid})
  def which_children(supervisor), do: call(supervisor, :which_children)
  def count_children(supervisor), do: call(supervisor, :count_children) |> :maps.from_list()

  def stop(supervisor, reason \\ :normal, timeout \\ :infinity),
    do: GenServer.stop(supervisor, reason, timeout)

  defp call(supervisor, req), do: GenServer.call(supervisor, req, :infinity)

  def init(options) when is_list(options) do
    flags = %{
      strategy: Keyword.get(options, :strategy, :one_for_one),
      intensity: Keyword.get(options, :max_restarts, 3),
      period: Keyword.get(options, :max_seconds, 5),
      max_children: Keyword.get(options, :max_children, :infinity),
      extra_arguments: Keyword.get(options, :extra_arguments, [])
    }

    {:ok, flags}
  end

  # GenServer callbacks.
  @impl true
  def init({mod, init_arg, name}) do
    Process.put(:"$initial_call", {:supervisor, mod, 1})
    Process.flag(:trap_exit, true)

    case mod.init(init_arg) do
      {:ok, flags} when is_map(flags) ->
        name =
          cond do
            is_nil(name) -> {self(), mod}
            is_atom(name) -> {:local, name}
            is_tuple(name) -> name
          end

        state = %DynamicSupervisor{mod: mod, args: init_arg, name: name}

        case init(state, flags) do
          {:ok, state} -> {:ok, state}
          {:error, reason} -> {:stop, {:supervisor_data, reason}}
        end

      :ignore ->
        :ignore

      other ->
        {:stop, {:bad_return, {mod, :init, other}}}
    end
  end

  defp init(state, flags) do
    extra = Map.get(flags, :extra_arguments, [])
    max_children = Map.get(flags, :max_children, :infinity)
    max_restarts = Map.get(flags, :intensity, 1)
    max_seconds = Map.get(flags, :period, 5)
    strategy = Map.get(flags, :strategy, :one_for_one)

    with :ok <- validate_strategy(strategy),
         :ok <- validate_restarts(max_restarts),
         :ok <- validate_seconds(max_seconds),
         :ok <- validate_dynamic(max_children),
         :ok <- validate_extra_arguments(extra) do
      {:ok,
       %{
         state
         | extra_arguments: extra,
           max_children: max_children,
           max_restarts: max_restarts,
           max_seconds: max_seconds,
           strategy: strategy
       }}
    end
  end

  defp validate_strategy(:one_for_one), do: :ok
  defp validate_strategy(strategy), do: {:error, {:invalid_strategy, strategy}}
  defp validate_restarts(r) when is_integer(r) and r >= 0, do: :ok
  defp validate_restarts(r), do: {:error, {:invalid_intensity, r}}
  defp validate_seconds(s) when is_integer(s) and s > 0, do: :ok
  defp validate_seconds(s), do: {:error, {:invalid_period, s}}
  defp validate_dynamic(:infinity), do: :ok
  defp validate_dynamic(d) when is_integer(d) and d >= 0, do: :ok
  defp validate_dynamic(d), do: {:error, {:invalid_max_children, d}}
  defp validate_extra_arguments(list) when is_list(list), do: :ok
  defp validate_extra_arguments(extra), do: {:error, {:invalid_extra_arguments, extra}}

  @impl true
  def handle_call(:which_children, _from, state) do
    reply =
      for {pid, args} <- state.children do
        case args do
          {:restarting, {_, _, _, type, modules}} -> {:undefined, :restarting, type, modules}
          {_, _, _, type, modules} -> {:undefined, pid, type, modules}
        end
      end

    {:reply, reply, state}
  end

  def handle_call(:count_children, _from, state) do
    specs = map_size(state.children)

    {active, workers, supervisors} =
      Enum.reduce(state.children, {0, 0, 0}, fn
        {_pid, {:restarting, {_, _, _, :worker, _}}}, {a, w, s} -> {a, w + 1, s}
        {_pid, {:restarting, {_, _, _, :supervisor, _}}}, {a, w, s} -> {a, w, s + 1}
        {_pid, {_, _, _, :worker, _}}, {a, w, s} -> {a + 1, w + 1, s}
        {_pid, {_, _, _, :supervisor, _}}, {a, w, s} -> {a + 1, w, s + 1}
      end)

    {:reply, [specs: specs, active: active, supervisors: supervisors, workers: workers], state}
  end

  def handle_call({:terminate_child, pid}, _from, state) do
    case state.children do
      %{^pid => info} ->
        :ok = terminate_children(%{pid => info}, state)
        {:reply, :ok, delete_child(pid, state)}

      %{} ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call({:start_task, args, restart, shutdown}, from, state) do
    {init_restart, init_shutdown} = Process.get(Task.Supervisor)
    restart = restart || init_restart
    shutdown = shutdown || init_shutdown
    child = {{Task.Supervised, :start_link, args}, restart, shutdown, :worker, [Task.Supervised]}
    handle_call({:start_child, child}, from, state)
  end

  def handle_call({:start_child, child}, _from, state) do
    if map_size(state.children) < state.max_children do
      handle_start_child(child, state)
    else
      {:reply, {:error, :max_children}, state}
    end
  end

  defp handle_start_child({{m, f, args} = mfa, restart, shutdown, type, modules}, state) do
    case reply = start_child(m, f, state.extra_arguments ++ args) do
      {:ok, pid, _} -> {:reply, reply, save_child(pid, mfa, restart, shutdown, type, modules, state)}
      {:ok, pid} -> {:reply, reply, save_child(pid, mfa, restart, shutdown, type, modules, state)}
      _ -> {:reply, reply, state}
    end
  end

  defp start_child(m, f, a) do
    try do
      apply(m, f, a)
    catch
      kind, reason -> {:error, exit_reason(kind, reason, __STACKTRACE__)}
    else
      {:ok, pid, extra} when is_pid(pid) -> {:ok, pid, extra}
      {:ok, pid} when is_pid(pid) -> {:ok, pid}
      :ignore -> :ignore
      {:error, _} = error -> error
      other -> {:error, other}
    end
  end

  defp exit_reason(:exit, reason, _), do: reason
  defp exit_reason(:error, reason, stack), do: {reason, stack}
  defp exit_reason(:throw, value, stack), do: {{:nocatch, value}, stack}

  defp save_child(pid, {m, f, _}, :temporary, shutdown, type, modules, state),
    do: put_in_children(state, pid, {{m, f, :undefined}, :temporary, shutdown, type, modules})

  defp save_child(pid, mfa, restart, shutdown, type, modules, state),
    do: put_in_children(state, pid, {mfa, restart, shutdown, type, modules})

  defp put_in_children(state, pid, value), do: %{state | children: Map.put(state.children, pid, value)}

  @impl true
  def handle_cast(_msg, state), do: {:noreply, state}

  @impl true
  def handle_info({:EXIT, pid, reason}, state) do
    case maybe_restart_child(pid, reason, state) do
      {:ok, state} -> {:noreply, state}
      {:shutdown, state} -> {:stop, :shutdown, state}
    end
  end

  def handle_info({:"$gen_restart", pid}, state) do
    case state.children do
      %{^pid => {:restarting, child}} ->
        case restart_child(pid, child, state) do
          {:ok, state} -> {:noreply, state}
          {:shutdown, state} -> {:stop, :shutdown, state}
        end

      %{} ->
        {:noreply, state}
    end
  end

  def handle_info(msg, state) do
    if Logger.__enabled__(:error) do
      Logger.__log__(:error, "DynamicSupervisor received unexpected message: #{inspect(msg)}")
    end

    {:noreply, state}
  end

  @impl true
  def code_change(_, state, _), do: {:ok, state}

  @impl true
  def terminate(_, state), do: :ok = terminate_children(state.children, state)

  defp maybe_restart_child(pid, reason, state) do
    case state.children do
      %{^pid => {_, restart, _, _, _} = child} -> maybe_restart_child(restart, reason, pid, child, state)
      %{} -> {:ok, state}
    end
  end

  defp maybe_restart_child(:permanent, _reason, pid, child, state), do: restart_child(pid, child, state)
  defp maybe_restart_child(_, :normal, pid, _child, state), do: {:ok, delete_child(pid, state)}
  defp maybe_restart_child(_, :shutdown, pid, _child, state), do: {:ok, delete_child(pid, state)}
  defp maybe_restart_child(_, {:shutdown, _}, pid, _child, state), do: {:ok, delete_child(pid, state)}
  defp maybe_restart_child(:transient, _reason, pid, child, state), do: restart_child(pid, child, state)
  defp maybe_restart_child(:temporary, _reason, pid, _child, state), do: {:ok, delete_child(pid, state)}

  defp delete_child(pid, state), do: %{state | children: Map.delete(state.children, pid)}

  defp restart_child(pid, child, state) do
    case add_restart(state) do
      {:ok, state} ->
        case restart_child(state.strategy, pid, child, state) do
          {:ok, state} ->
            {:ok, state}

          {:try_again, state} ->
            send(self(), {:"$gen_restart", pid})
            {:ok, state}
        end

      {:shutdown, state} ->
        {:shutdown, delete_child(pid, state)}
    end
  end

  defp restart_child(:one_for_one, current_pid, child, state) do
    {{m, f, args} = mfa, restart, shutdown, type, modules} = child

    case start_child(m, f, state.extra_arguments ++ args) do
      {:ok, pid, _} ->
        state = delete_child(current_pid, state)
        {:ok, save_child(pid, mfa, restart, shutdown, type, modules, state)}

      {:ok, pid} ->
        state = delete_child(current_pid, state)
        {:ok, save_child(pid, mfa, restart, shutdown, type, modules, state)}

      :ignore ->
        {:ok, delete_child(current_pid, state)}

      {:error, _reason} ->
        {:try_again, put_in_children(state, current_pid, {:restarting, child})}
    end
  end

  defp add_restart(state) do
    now = :erlang.monotonic_time(1)
    restarts = add_restart([now | state.restarts], now, state.max_seconds)
    state = %{state | restarts: restarts}

    if length(restarts) <= state.max_restarts do
      {:ok, state}
    else
      {:shutdown, state}
    end
  end

  defp add_restart(restarts, now, period) do
    for then <- restarts, now <= then + period, do: then
  end

  # Every child at once: a shutdown signal (or a kill), then the DOWNs, with a timer per
  # shutdown time after which the slow ones are killed.
  defp terminate_children(children, _state) do
    {pids, times} = monitor_children(children)

    timers =
      Enum.reduce(times, %{}, fn {time, pids}, acc ->
        Map.put(acc, :erlang.start_timer(time, self(), :kill), pids)
      end)

    wait_children(pids, map_size(pids), timers)
    :ok
  end

  defp monitor_children(children) do
    Enum.reduce(children, {%{}, %{}}, fn
      {_, {:restarting, _}}, acc ->
        acc

      {pid, {_, restart, _, _, _} = child}, {pids, times} ->
        case monitor_child(pid) do
          :ok -> {Map.put(pids, pid, child), exit_child(pid, child, times)}
          {:error, :normal} when restart != :permanent -> {pids, times}
          {:error, _reason} -> {pids, times}
        end
    end)
  end

  defp monitor_child(pid) do
    ref = Process.monitor(pid)
    Process.unlink(pid)

    receive do
      {:EXIT, ^pid, reason} ->
        receive do
          {:DOWN, ^ref, :process, ^pid, _} -> {:error, reason}
        end
    after
      0 -> :ok
    end
  end

  defp exit_child(pid, {_, _, shutdown, _, _}, times) do
    case shutdown do
      :brutal_kill ->
        Process.exit(pid, :kill)
        times

      :infinity ->
        Process.exit(pid, :shutdown)
        times

      time ->
        Process.exit(pid, :shutdown)
        Map.update(times, time, [pid], &[pid | &1])
    end
  end

  defp wait_children(_pids, 0, timers) do
    Enum.each(timers, fn {timer, _} ->
      _ = :erlang.cancel_timer(timer)

      receive do
        {:timeout, ^timer, :kill} -> :ok
      after
        0 -> :ok
      end
    end)
  end

  defp wait_children(pids, size, timers) do
    receive do
      {:DOWN, _ref, :process, pid, _reason} ->
        case pids do
          %{^pid => _} -> wait_children(pids, size - 1, timers)
          %{} -> wait_children(pids, size, timers)
        end

      {:timeout, timer, :kill} ->
        Enum.each(Map.fetch!(timers, timer), &Process.exit(&1, :kill))
        wait_children(pids, size, Map.delete(timers, timer))
    end
  end
end
