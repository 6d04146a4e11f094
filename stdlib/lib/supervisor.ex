# `:supervisor` (after OTP 25's supervisor.erl, a `:gen_server` callback module) and
# Elixir's `Supervisor` over it.
#
# The children are `{ids, db}`: `ids` in reverse start order (the last started first, the
# order of `which_children` and of shutdown), `db` a map from id to the child, a map with
# the keys of a child spec and its `pid` (a pid, `:undefined` or `{:restarting, pid}`).
# Reports of the supervisor itself (child terminated, restart intensity reached) are SASL
# reports, which Elixir's logger does not print by default: none are printed here either.
# The deprecated `:simple_one_for_one` strategy is not supported (DynamicSupervisor is).

defmodule :supervisor do
  def start_link(mod, args), do: :gen_server.start_link(:supervisor, {:self, mod, args}, [])

  def start_link(name, mod, args),
    do: :gen_server.start_link(name, :supervisor, {name, mod, args}, [])

  def start_child(sup, spec), do: call(sup, {:start_child, spec})
  def restart_child(sup, id), do: call(sup, {:restart_child, id})
  def delete_child(sup, id), do: call(sup, {:delete_child, id})
  def terminate_child(sup, id), do: call(sup, {:terminate_child, id})
  def get_childspec(sup, id), do: call(sup, {:get_childspec, id})
  def which_children(sup), do: call(sup, :which_children)
  def count_children(sup), do: call(sup, :count_children)

  defp call(sup, req), do: :gen_server.call(sup, req, :infinity)

  def check_childspecs(specs) when is_list(specs) do
    case check_startspec(specs, :never) do
      {:ok, _} -> :ok
      error -> {:error, error}
    end
  end

  def check_childspecs(x), do: {:error, {:badarg, x}}

  # gen_server callbacks.
  def init({sup_name, mod, args}) do
    Process.flag(:trap_exit, true)

    case mod.init(args) do
      {:ok, {flags, start_spec}} ->
        case init_state(sup_name, flags, mod, args) do
          {:ok, state} -> init_children(state, start_spec)
          error -> {:stop, {:supervisor_data, error}}
        end

      :ignore ->
        :ignore

      error ->
        {:stop, {:bad_return, {mod, :init, error}}}
    end
  end

  defp init_children(state, start_spec) do
    case check_startspec(start_spec, state.auto_shutdown) do
      {:ok, children} ->
        case start_children(children) do
          {:ok, nchildren} ->
            {:ok, %{state | children: nchildren}}

          {:error, nchildren, reason} ->
            _ = terminate_children(nchildren)
            {:stop, {:shutdown, reason}}
        end

      error ->
        {:stop, {:start_spec, error}}
    end
  end

  defp start_children(children) do
    children_map(children, fn id, child ->
      case do_start_child(child) do
        {:ok, :undefined} when child.restart == :temporary -> :remove
        {:ok, pid} -> {:update, %{child | pid: pid}}
        {:ok, pid, _extra} -> {:update, %{child | pid: pid}}
        {:error, reason} -> {:abort, {:failed_to_start_child, id, reason}}
      end
    end)
  end

  defp do_start_child(%{start: {m, f, a}}) do
    result =
      try do
        apply(m, f, a)
      catch
        :throw, value -> value
        :exit, reason -> {:EXIT, reason}
        :error, reason -> {:EXIT, {reason, __STACKTRACE__}}
      end

    case result do
      {:ok, pid} when is_pid(pid) -> {:ok, pid}
      {:ok, pid, extra} when is_pid(pid) -> {:ok, pid, extra}
      :ignore -> {:ok, :undefined}
      {:error, error} -> {:error, error}
      what -> {:error, what}
    end
  end

  def handle_call({:start_child, spec}, _from, state) do
    case check_childspec(spec, state.auto_shutdown) do
      {:ok, child} ->
        {resp, nstate} = handle_start_child(child, state)
        {:reply, resp, nstate}

      what ->
        {:reply, {:error, what}, state}
    end
  end

  def handle_call({:terminate_child, id}, _from, state) do
    case find_child(id, state) do
      {:ok, child} ->
        do_terminate(child)
        {:reply, :ok, del_child(child, state)}

      :error ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call({:restart_child, id}, _from, state) do
    with_stopped_child(id, state, fn child ->
      case do_start_child(child) do
        {:ok, pid} -> {:reply, {:ok, pid}, set_pid(state, id, pid)}
        {:ok, pid, extra} -> {:reply, {:ok, pid, extra}, set_pid(state, id, pid)}
        error -> {:reply, error, state}
      end
    end)
  end

  def handle_call({:delete_child, id}, _from, state) do
    with_stopped_child(id, state, fn _child ->
      {ids, db} = state.children
      {:reply, :ok, %{state | children: {List.delete(ids, id), Map.delete(db, id)}}}
    end)
  end

  def handle_call({:get_childspec, id}, _from, state) do
    case find_child(id, state) do
      {:ok, child} -> {:reply, {:ok, Map.delete(child, :pid)}, state}
      :error -> {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call(:which_children, _from, state) do
    {ids, db} = state.children

    reply =
      Enum.map(ids, fn id ->
        child = Map.fetch!(db, id)

        pid =
          case child.pid do
            {:restarting, _} -> :restarting
            pid -> pid
          end

        {id, pid, child.type, child.modules}
      end)

    {:reply, reply, state}
  end

  def handle_call(:count_children, _from, state) do
    {_ids, db} = state.children

    {specs, active, supers, workers} =
      Enum.reduce(db, {0, 0, 0, 0}, fn {_id, child}, {s, a, sup, w} ->
        alive = if is_pid(child.pid) and Process.alive?(child.pid), do: 1, else: 0

        case child.type do
          :worker -> {s + 1, a + alive, sup, w + 1}
          :supervisor -> {s + 1, a + alive, sup + 1, w}
        end
      end)

    {:reply, [specs: specs, active: active, supervisors: supers, workers: workers], state}
  end

  def handle_cast({:try_again_restart, id}, state) do
    case find_child(id, state) do
      {:ok, %{pid: {:restarting, _}} = child} ->
        case restart(child, state) do
          {:ok, state} -> {:noreply, state}
          {:shutdown, state} -> {:stop, :shutdown, state}
        end

      _ ->
        {:noreply, state}
    end
  end

  def handle_info({:EXIT, pid, reason}, state) do
    case find_child_by_pid(pid, state) do
      {:ok, child} ->
        case do_restart(reason, child, state) do
          {:ok, state} -> {:noreply, state}
          {:shutdown, state} -> {:stop, :shutdown, state}
        end

      :error ->
        {:noreply, state}
    end
  end

  def handle_info(msg, state) do
    if Logger.__enabled__(:error) do
      Logger.__log__(:error, "Supervisor received unexpected message: #{inspect(msg)}\n")
    end

    {:noreply, state}
  end

  def terminate(_reason, state) do
    terminate_children(state.children)
    :ok
  end

  def code_change(_, state, _), do: {:ok, state}

  # `fun.(child)` for a child that is not running; OTP's answers otherwise.
  defp with_stopped_child(id, state, fun) do
    case find_child(id, state) do
      {:ok, %{pid: :undefined} = child} -> fun.(child)
      {:ok, %{pid: {:restarting, _}}} -> {:reply, {:error, :restarting}, state}
      {:ok, _} -> {:reply, {:error, :running}, state}
      :error -> {:reply, {:error, :not_found}, state}
    end
  end

  defp handle_start_child(child, state) do
    case find_child(child.id, state) do
      :error ->
        case do_start_child(child) do
          {:ok, :undefined} when child.restart == :temporary ->
            {{:ok, :undefined}, state}

          {:ok, pid} ->
            {{:ok, pid}, save_child(%{child | pid: pid}, state)}

          {:ok, pid, extra} ->
            {{:ok, pid, extra}, save_child(%{child | pid: pid}, state)}

          {:error, what} ->
            {{:error, {what, child_record(child)}}, state}
        end

      {:ok, %{pid: pid}} when is_pid(pid) ->
        {{:error, {:already_started, pid}}, state}

      {:ok, _} ->
        {{:error, :already_present}, state}
    end
  end

  defp do_restart(reason, %{restart: :permanent} = child, state), do: restart(child, state)

  defp do_restart(reason, child, state)
       when reason == :normal or reason == :shutdown or
              (is_tuple(reason) and tuple_size(reason) == 2 and elem(reason, 0) == :shutdown) do
    do_auto_shutdown(child, del_child(child, state))
  end

  defp do_restart(_reason, %{restart: :transient} = child, state), do: restart(child, state)
  defp do_restart(_reason, child, state), do: do_auto_shutdown(child, del_child(child, state))

  # `auto_shutdown`: the supervisor stops when a significant child (any, or the last one)
  # ended and was not restarted.
  defp do_auto_shutdown(_child, %{auto_shutdown: :never} = state), do: {:ok, state}
  defp do_auto_shutdown(%{significant: false}, state), do: {:ok, state}
  defp do_auto_shutdown(_child, %{auto_shutdown: :any_significant} = state), do: {:shutdown, state}

  defp do_auto_shutdown(_child, %{auto_shutdown: :all_significant} = state) do
    {_ids, db} = state.children
    alive? = Enum.any?(db, fn {_, c} -> c.pid != :undefined and c.significant end)
    if alive?, do: {:ok, state}, else: {:shutdown, state}
  end

  defp restart(child, state) do
    case add_restart(state) do
      {:ok, state} ->
        case restart(state.strategy, child, state) do
          {{:try_again, id}, state} ->
            :gen_server.cast(self(), {:try_again_restart, id})
            {:ok, state}

          other ->
            other
        end

      {:terminate, state} ->
        {:shutdown, del_child(child, state)}
    end
  end

  defp restart(:one_for_one, child, state) do
    case do_start_child(child) do
      {:ok, pid} -> {:ok, set_pid(state, child.id, pid)}
      {:ok, pid, _extra} -> {:ok, set_pid(state, child.id, pid)}
      {:error, _reason} -> {{:try_again, child.id}, set_pid(state, child.id, restarting(child.pid))}
    end
  end

  defp restart(:rest_for_one, child, state) do
    {after_, before} = split_child(child.id, state.children)
    {ret, after2} = restart_multiple_children(child, after_)
    {ret, %{state | children: append(after2, before)}}
  end

  defp restart(:one_for_all, child, state) do
    children = del_child_id(child.id, state.children)
    {ret, nchildren} = restart_multiple_children(child, children)
    {ret, %{state | children: nchildren}}
  end

  defp restart_multiple_children(child, children) do
    children = terminate_children(children)

    case start_children(children) do
      {:ok, nchildren} ->
        {:ok, nchildren}

      {:error, nchildren, {:failed_to_start_child, failed, _reason}} ->
        new_pid = if failed == child.id, do: restarting(child.pid), else: {:restarting, :undefined}
        {{:try_again, failed}, set_pid_children(nchildren, failed, new_pid)}
    end
  end

  defp restarting(pid) when is_pid(pid), do: {:restarting, pid}
  defp restarting(other), do: other

  defp terminate_children(children) do
    {:ok, nchildren} =
      children_map(children, fn
        _id, %{restart: :temporary} = child ->
          do_terminate(child)
          :remove

        _id, child ->
          do_terminate(child)
          {:update, %{child | pid: :undefined}}
      end)

    nchildren
  end

  defp do_terminate(%{pid: pid} = child) when is_pid(pid) do
    shutdown(child)
    :ok
  end

  defp do_terminate(_child), do: :ok

  defp shutdown(%{pid: pid, shutdown: :brutal_kill} = child) do
    ref = Process.monitor(pid)
    Process.exit(pid, :kill)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason0} -> shutdown_result(unlink_flush(pid, reason0), child, :killed)
    end
  end

  defp shutdown(%{pid: pid, shutdown: time} = child) do
    ref = Process.monitor(pid)
    Process.exit(pid, :shutdown)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason0} -> shutdown_result(unlink_flush(pid, reason0), child, :shutdown)
    after
      time ->
        Process.exit(pid, :kill)

        receive do
          {:DOWN, ^ref, :process, ^pid, reason0} ->
            shutdown_result(unlink_flush(pid, reason0), child, :shutdown)
        end
    end
  end

  defp shutdown_result(reason, _child, reason), do: :ok
  defp shutdown_result(:shutdown, %{restart: r}, _) when r != :permanent, do: :ok
  defp shutdown_result({:shutdown, _}, %{restart: r}, _) when r != :permanent, do: :ok
  defp shutdown_result(:normal, %{restart: r}, _) when r != :permanent, do: :ok
  defp shutdown_result(reason, _child, _), do: {:error, reason}

  defp unlink_flush(pid, default) do
    Process.unlink(pid)

    receive do
      {:EXIT, ^pid, reason} -> reason
    after
      0 -> default
    end
  end

  # The children: `{ids, db}`.
  defp children_map({ids, db}, fun), do: children_map(fun, ids, db, [])

  defp children_map(fun, [id | ids], db, acc) do
    case fun.(id, Map.fetch!(db, id)) do
      {:update, child} -> children_map(fun, ids, Map.put(db, id, child), [id | acc])
      :remove -> children_map(fun, ids, Map.delete(db, id), acc)
      {:abort, reason} -> {:error, {Enum.reverse(ids) ++ [id | acc], db}, reason}
    end
  end

  defp children_map(_fun, [], db, acc), do: {:ok, {acc, db}}

  defp save_child(%{start: {m, f, _}} = child, state) when child.restart == :temporary do
    do_save_child(%{child | start: {m, f, :undefined}}, state)
  end

  defp save_child(child, state), do: do_save_child(child, state)

  defp do_save_child(child, %{children: {ids, db}} = state) do
    %{state | children: {[child.id | ids], Map.put(db, child.id, child)}}
  end

  defp del_child(child, state), do: %{state | children: del_child_id(child.id, state.children)}

  defp del_child_id(id, {ids, db}) do
    case Map.fetch!(db, id) do
      %{restart: :temporary} -> {List.delete(ids, id), Map.delete(db, id)}
      child -> {ids, Map.put(db, id, %{child | pid: :undefined})}
    end
  end

  defp split_child(id, {ids, db}) do
    {ids_after, ids_before} = split_ids(id, ids, [])
    db_after = Map.take(db, ids_after)
    db_after = Map.update!(db_after, id, &%{&1 | pid: :undefined})
    {{ids_after, db_after}, {ids_before, Map.take(db, ids_before)}}
  end

  defp split_ids(id, [id | ids], after_), do: {Enum.reverse([id | after_]), ids}
  defp split_ids(id, [other | ids], after_), do: split_ids(id, ids, [other | after_])

  defp append({ids1, db1}, {ids2, db2}), do: {ids1 ++ ids2, Map.merge(db1, db2)}

  defp find_child(id, %{children: {_ids, db}}), do: Map.fetch(db, id)

  defp find_child_by_pid(pid, %{children: {_ids, db}}) do
    case Enum.find(db, fn {_id, child} -> child.pid == pid end) do
      {_id, child} -> {:ok, child}
      nil -> :error
    end
  end

  defp set_pid(state, id, pid), do: %{state | children: set_pid_children(state.children, id, pid)}

  defp set_pid_children({ids, db}, id, pid), do: {ids, Map.update!(db, id, &%{&1 | pid: pid})}

  # OTP's `#child{}` record, as `start_child` errors show it.
  defp child_record(c),
    do: {:child, c.pid, c.id, c.start, c.restart, c.significant, c.shutdown, c.type, c.modules}

  defp add_restart(state) do
    now = System.monotonic_time(:second)
    threshold = now - state.period
    restarts = [now | Enum.take_while(state.restarts, &(&1 >= threshold))]
    state = %{state | restarts: restarts}
    if length(restarts) <= state.intensity, do: {:ok, state}, else: {:terminate, state}
  end

  # Checking flags and specs.
  defp init_state(sup_name, flags, mod, args) do
    try do
      flags = check_flags(flags)

      {:ok,
       %{
         name: if(sup_name == :self, do: {self(), mod}, else: sup_name),
         strategy: flags.strategy,
         intensity: flags.intensity,
         period: flags.period,
         restarts: [],
         auto_shutdown: flags.auto_shutdown,
         children: {[], %{}},
         module: mod,
         args: args
       }}
    catch
      :throw, thrown -> thrown
    end
  end

  defp check_flags(flags) when is_map(flags) do
    flags = Map.merge(%{strategy: :one_for_one, intensity: 1, period: 5, auto_shutdown: :never}, flags)

    case flags.strategy do
      s when s in [:one_for_one, :one_for_all, :rest_for_one] -> :ok
      :simple_one_for_one -> throw({:invalid_strategy, :simple_one_for_one})
      other -> throw({:invalid_strategy, other})
    end

    unless is_integer(flags.intensity) and flags.intensity >= 0,
      do: throw({:invalid_intensity, flags.intensity})

    unless is_integer(flags.period) and flags.period > 0, do: throw({:invalid_period, flags.period})

    unless flags.auto_shutdown in [:never, :any_significant, :all_significant],
      do: throw({:invalid_auto_shutdown, flags.auto_shutdown})

    flags
  end

  defp check_flags({strategy, intensity, period}),
    do: check_flags(%{strategy: strategy, intensity: intensity, period: period})

  defp check_flags(what), do: throw({:invalid_type, what})

  defp check_startspec(specs, auto_shutdown), do: check_startspec(specs, [], %{}, auto_shutdown)

  defp check_startspec([spec | rest], ids, db, auto_shutdown) do
    case check_childspec(spec, auto_shutdown) do
      {:ok, child} ->
        if Map.has_key?(db, child.id) do
          {:duplicate_child_name, child.id}
        else
          check_startspec(rest, [child.id | ids], Map.put(db, child.id, child), auto_shutdown)
        end

      error ->
        error
    end
  end

  defp check_startspec([], ids, db, _auto_shutdown), do: {:ok, {Enum.reverse(ids), db}}

  defp check_childspec(spec, auto_shutdown) when is_map(spec) do
    try do
      do_check_childspec(Map.merge(%{restart: :permanent, type: :worker}, spec), auto_shutdown)
    catch
      :throw, error -> error
    end
  end

  defp check_childspec({id, start, restart, shutdown, type, mods}, auto_shutdown) do
    spec = %{id: id, start: start, restart: restart, shutdown: shutdown, type: type, modules: mods}
    check_childspec(spec, auto_shutdown)
  end

  defp check_childspec(x, _auto_shutdown), do: {:invalid_child_spec, x}

  defp do_check_childspec(spec, auto_shutdown) do
    id =
      case spec do
        %{id: id} -> id
        _ -> throw(:missing_id)
      end

    start =
      case spec do
        %{start: start} -> start
        _ -> throw(:missing_start)
      end

    case start do
      {m, f, a} when is_atom(m) and is_atom(f) and is_list(a) -> :ok
      _ -> throw({:invalid_mfa, start})
    end

    unless spec.restart in [:permanent, :temporary, :transient],
      do: throw({:invalid_restart_type, spec.restart})

    significant = Map.get(spec, :significant, false)

    cond do
      significant == true and auto_shutdown == :never ->
        throw({:bad_combination, [auto_shutdown: :never, significant: true]})

      significant == true and spec.restart == :permanent ->
        throw({:bad_combination, [restart: :permanent, significant: true]})

      not is_boolean(significant) ->
        throw({:invalid_significant, significant})

      true ->
        :ok
    end

    unless spec.type in [:worker, :supervisor], do: throw({:invalid_child_type, spec.type})

    shutdown =
      case spec do
        %{shutdown: s} -> s
        %{type: :worker} -> 5000
        %{type: :supervisor} -> :infinity
      end

    unless (is_integer(shutdown) and shutdown >= 0) or shutdown in [:infinity, :brutal_kill],
      do: throw({:invalid_shutdown, shutdown})

    mods =
      case spec do
        %{modules: ms} -> ms
        _ -> [elem(start, 0)]
      end

    cond do
      mods == :dynamic -> :ok
      is_list(mods) -> Enum.each(mods, fn m -> unless is_atom(m), do: throw({:invalid_module, m}) end)
      true -> throw({:invalid_modules, mods})
    end

    {:ok,
     %{
       id: id,
       start: start,
       restart: spec.restart,
       significant: significant,
       shutdown: shutdown,
       type: spec.type,
       modules: mods,
       pid: :undefined
     }}
  end
end

defmodule Supervisor do
  @callback init(term()) :: term()

  def start_link(children, options) when is_list(children) do
    {sup_opts, start_opts} = Keyword.split(options, [:strategy, :max_seconds, :max_restarts])
    start_link(Supervisor.Default, init(children, sup_opts), start_opts)
  end

  def start_link(module, init_arg), do: start_link(module, init_arg, [])

  def start_link(module, init_arg, options) when is_list(options) do
    case Keyword.get(options, :name) do
      nil ->
        :supervisor.start_link(module, init_arg)

      atom when is_atom(atom) ->
        :supervisor.start_link({:local, atom}, module, init_arg)

      {:global, _term} = tuple ->
        :supervisor.start_link(tuple, module, init_arg)

      {:via, via_module, _term} = tuple when is_atom(via_module) ->
        :supervisor.start_link(tuple, module, init_arg)

      other ->
        raise ArgumentError, """
        expected :name option to be one of the following:

          * nil
          * atom
          * {:global, term}
          * {:via, module, term}

        Got: #{inspect(other)}
        """
    end
  end

  def init(children, options) when is_list(children) and is_list(options) do
    strategy =
      case options[:strategy] do
        nil -> raise ArgumentError, "expected :strategy option to be given"
        other -> other
      end

    intensity = Keyword.get(options, :max_restarts, 3)
    period = Keyword.get(options, :max_seconds, 5)
    flags = %{strategy: strategy, intensity: intensity, period: period}
    {:ok, {flags, Enum.map(children, &init_child/1)}}
  end

  defp init_child(module) when is_atom(module), do: init_child({module, []})

  defp init_child({module, arg}) when is_atom(module) do
    if function_exported?(module, :child_spec, 1) do
      module.child_spec(arg)
    else
      raise ArgumentError, child_spec_error(module)
    end
  end

  defp init_child(map) when is_map(map), do: map
  defp init_child({_, _, _, _, _, _} = tuple), do: tuple

  defp init_child(other) do
    raise ArgumentError, """
    supervisors expect each child to be one of the following:

      * a module
      * a {module, arg} tuple
      * a child specification as a map with at least the :id and :start fields
      * or a tuple with 6 elements generated by Supervisor.Spec (deprecated)

    Got: #{inspect(other)}
    """
  end

  defp child_spec_error(module) do
    if Code.ensure_loaded?(module) do
      """
      The module #{inspect(module)} was given as a child to a supervisor
      but it does not implement child_spec/1.

      If you own the given module, please define a child_spec/1 function
      that receives an argument and returns a child specification as a map.
      For example:

          def child_spec(opts) do
            %{
              id: __MODULE__,
              start: {__MODULE__, :start_link, [opts]},
              type: :worker,
              restart: :permanent,
              shutdown: 500
            }
          end

      Note that "use Agent", "use GenServer" and so on automatically define
      this function for you.

      However, if you don't own the given module and it doesn't implement
      child_spec/1, instead of passing the module name directly as a supervisor
      child, you will have to pass a child specification as a map:

          %{
            id: #{inspect(module)},
            start: {#{inspect(module)}, :start_link, [arg1, arg2]}
          }

      See the Supervisor documentation for more information.
      """
    else
      "The module #{inspect(module)} was given as a child to a supervisor but it does not exist."
    end
  end

  def child_spec({_, _, _, _, _, _} = tuple, _overrides) do
    raise ArgumentError,
          "old tuple-based child specification #{inspect(tuple)} is not supported in Supervisor.child_spec/2"
  end

  def child_spec(module_or_map, overrides) do
    Enum.reduce(overrides, init_child(module_or_map), fn
      {key, value}, acc when key in [:id, :start, :restart, :shutdown, :type, :modules] ->
        Map.put(acc, key, value)

      {key, _value}, _acc ->
        raise ArgumentError, "unknown key #{inspect(key)} in child specification override"
    end)
  end

  def start_child(supervisor, {_, _, _, _, _, _} = child_spec),
    do: call(supervisor, {:start_child, child_spec})

  def start_child(supervisor, child_spec),
    do: call(supervisor, {:start_child, Supervisor.child_spec(child_spec, [])})

  def terminate_child(supervisor, child_id), do: call(supervisor, {:terminate_child, child_id})
  def delete_child(supervisor, child_id), do: call(supervisor, {:delete_child, child_id})
  def restart_child(supervisor, child_id), do: call(supervisor, {:restart_child, child_id})
  def which_children(supervisor), do: call(supervisor, :which_children)
  def count_children(supervisor), do: Map.new(call(supervisor, :count_children))

  def stop(supervisor, reason \\ :normal, timeout \\ :infinity),
    do: GenServer.stop(supervisor, reason, timeout)

  defp call(supervisor, req), do: GenServer.call(supervisor, req, :infinity)
end

defmodule Supervisor.Default do
  def init(args), do: args
end
