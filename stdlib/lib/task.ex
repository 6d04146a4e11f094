# Task, Task.Supervised and Task.Supervisor, after Elixir 1.14's.
#
# `Task.async` spawns a linked `:proc_lib` process that waits for `{owner, ref, reply_to,
# callers, mfa}`, runs the function and answers `{ref, result}` to the alias `ref` (the
# monitor the owner took with `alias: :demonitor`): a result that comes after `await`
# gave up is dropped. A task that raises prints Elixir's "Task ... terminating" report.
#
# `async_stream` keeps at most `max_concurrency` tasks running, as a `Stream.resource/3`.

defmodule Task do
  defstruct [:mfa, :owner, :pid, :ref]

  def child_spec(arg) do
    %{id: Task, start: {Task, :start_link, [arg]}, restart: :temporary}
  end

  def async(fun) when is_function(fun, 0), do: async(:erlang, :apply, [fun, []])

  def async(module, function_name, args)
      when is_atom(module) and is_atom(function_name) and is_list(args) do
    owner = self()
    {:ok, pid} = Task.Supervised.start_link(get_owner(owner), :nomonitor)
    ref = :erlang.monitor(:process, pid, [{:alias, :demonitor}])
    send(pid, {owner, ref, ref, get_callers(owner), {module, function_name, args}})
    %Task{pid: pid, ref: ref, owner: owner, mfa: {module, function_name, length(args)}}
  end

  def completed(result) do
    ref = make_ref()
    owner = self()
    send(owner, {ref, result})
    %Task{pid: nil, ref: ref, owner: owner, mfa: {Task, :completed, 1}}
  end

  def start(fun) when is_function(fun, 0), do: start(:erlang, :apply, [fun, []])

  def start(module, function_name, args)
      when is_atom(module) and is_atom(function_name) and is_list(args) do
    Task.Supervised.start(get_owner(self()), get_callers(self()), {module, function_name, args})
  end

  def start_link(fun) when is_function(fun, 0), do: start_link(:erlang, :apply, [fun, []])

  def start_link(module, function, args) when is_atom(module) and is_atom(function) and is_list(args) do
    Task.Supervised.start_link(get_owner(self()), get_callers(self()), {module, function, args})
  end

  def async_stream(enumerable, fun, options \\ []) when is_function(fun, 1) and is_list(options) do
    build_stream(enumerable, fun, options)
  end

  def async_stream(enumerable, module, function_name, args, options \\ [])
      when is_atom(module) and is_atom(function_name) and is_list(args) do
    build_stream(enumerable, {module, function_name, args}, options)
  end

  defp build_stream(enumerable, fun, options) do
    owner = get_owner(self())

    Task.Supervised.stream(enumerable, get_callers(self()), fun, options, fn ->
      {:ok, pid} = Task.Supervised.start_link(owner, :nomonitor)
      {:ok, :link, pid}
    end)
  end

  def await(%Task{ref: ref, owner: owner} = task, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, proc, reason} ->
        exit({reason(reason, proc), {__MODULE__, :await, [task, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {__MODULE__, :await, [task, timeout]}})
    end
  end

  def await_many(tasks, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    awaiting =
      for %Task{ref: ref, owner: owner} = task <- tasks, into: %{} do
        if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))
        {ref, true}
      end

    with_deadline(timeout, &await_many(tasks, timeout, awaiting, %{}, &1))
  end

  # Runs `fun.(timeout_ref)`, with `timeout_ref` sent to self when `timeout` runs out; the
  # timer and its message are gone afterwards.
  defp with_deadline(timeout, fun) do
    timeout_ref = make_ref()
    timer_ref = if timeout != :infinity, do: Process.send_after(self(), timeout_ref, timeout)

    try do
      fun.(timeout_ref)
    after
      timer_ref && Process.cancel_timer(timer_ref)

      receive do
        ^timeout_ref -> :ok
      after
        0 -> :ok
      end
    end
  end

  defp await_many(tasks, _timeout, awaiting, replies, _timeout_ref) when map_size(awaiting) == 0 do
    for %{ref: ref} <- tasks, do: Map.fetch!(replies, ref)
  end

  defp await_many(tasks, timeout, awaiting, replies, timeout_ref) do
    receive do
      ^timeout_ref ->
        demonitor_pending_tasks(awaiting)
        exit({:timeout, {__MODULE__, :await_many, [tasks, timeout]}})

      {:DOWN, ref, _, proc, reason} when is_map_key(awaiting, ref) ->
        demonitor_pending_tasks(awaiting)
        exit({reason(reason, proc), {__MODULE__, :await_many, [tasks, timeout]}})

      {ref, reply} when is_map_key(awaiting, ref) ->
        Process.demonitor(ref, [:flush])
        await_many(tasks, timeout, Map.delete(awaiting, ref), Map.put(replies, ref, reply), timeout_ref)
    end
  end

  defp demonitor_pending_tasks(awaiting) do
    Enum.each(awaiting, fn {ref, _} -> Process.demonitor(ref, [:flush]) end)
  end

  def yield(%Task{ref: ref, owner: owner} = task, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  def yield_many(tasks, timeout \\ 5000)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    with_deadline(timeout, &yield_many(tasks, &1, :infinity))
  end

  defp yield_many([%Task{ref: ref, owner: owner} = task | rest], timeout_ref, timeout) do
    if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        [{task, {:ok, reply}} | yield_many(rest, timeout_ref, timeout)]

      {:DOWN, ^ref, _, _, reason} ->
        [{task, {:exit, reason}} | yield_many(rest, timeout_ref, timeout)]

      ^timeout_ref ->
        [{task, nil} | yield_many(rest, timeout_ref, 0)]
    after
      timeout -> [{task, nil} | yield_many(rest, timeout_ref, 0)]
    end
  end

  defp yield_many([], _timeout_ref, _timeout), do: []

  def ignore(%Task{ref: ref, pid: pid, owner: owner} = task) do
    if owner != self(), do: raise(ArgumentError, invalid_owner_error(task))

    receive do
      {^ref, reply} ->
        Process.unlink(pid)
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      0 ->
        Process.unlink(pid)
        Process.demonitor(ref, [:flush])
        nil
    end
  end

  def shutdown(task, shutdown \\ 5000)

  def shutdown(%Task{pid: nil} = task, _) do
    raise ArgumentError, "task #{inspect(task)} does not have an associated task process"
  end

  def shutdown(%Task{owner: owner} = task, _) when owner != self() do
    raise ArgumentError, invalid_owner_error(task)
  end

  def shutdown(%Task{pid: pid} = task, :brutal_kill) do
    mon = Process.monitor(pid)
    exit_task(pid, :kill)

    case shutdown_receive(task, mon, :brutal_kill, :infinity) do
      {:down, _, reason} -> {:exit, reason}
      result -> result
    end
  end

  def shutdown(%Task{pid: pid} = task, timeout)
      when timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
    mon = Process.monitor(pid)
    exit_task(pid, :shutdown)

    case shutdown_receive(task, mon, :shutdown, timeout) do
      {:down, _, reason} -> {:exit, reason}
      result -> result
    end
  end

  defp shutdown_receive(%{ref: ref} = task, mon, type, timeout) do
    receive do
      {:DOWN, ^mon, _, _, :shutdown} when type in [:shutdown, :timeout_kill] ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref)

      {:DOWN, ^mon, _, _, :killed} when type == :brutal_kill ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref)

      {:DOWN, ^mon, _, proc, :noproc} ->
        reason = flush_noproc(ref, proc, type)
        flush_reply(ref) || reason

      {:DOWN, ^mon, _, proc, reason} ->
        Process.demonitor(ref, [:flush])
        flush_reply(ref) || {:down, proc, reason}
    after
      timeout ->
        exit_task(task.pid, :kill)
        shutdown_receive(task, mon, :timeout_kill, :infinity)
    end
  end

  # The task's exit must not take the owner with it: unlink first.
  defp exit_task(pid, reason) do
    Process.unlink(pid)
    Process.exit(pid, reason)
  end

  defp flush_reply(ref) do
    receive do
      {^ref, reply} -> {:ok, reply}
    after
      0 -> nil
    end
  end

  defp flush_noproc(ref, proc, type) do
    receive do
      {:DOWN, ^ref, _, _, :shutdown} when type in [:shutdown, :timeout_kill] -> nil
      {:DOWN, ^ref, _, _, :killed} when type == :brutal_kill -> nil
      {:DOWN, ^ref, _, _, reason} -> {:down, proc, reason}
    after
      0 ->
        Process.demonitor(ref, [:flush])
        {:down, proc, :noproc}
    end
  end

  defp reason(:noconnection, proc), do: {:nodedown, monitor_node(proc)}
  defp reason(reason, _), do: reason

  defp monitor_node(pid) when is_pid(pid), do: node(pid)
  defp monitor_node({_, node}), do: node

  defp invalid_owner_error(task) do
    "task #{inspect(task)} must be queried from the owner but was queried from #{inspect(self())}"
  end

  @doc false
  def get_owner(pid) do
    self_or_name =
      case Process.info(pid, :registered_name) do
        {:registered_name, name} when is_atom(name) -> name
        _ -> pid
      end

    {node(), self_or_name, pid}
  end

  @doc false
  def get_callers(owner) do
    case Process.get(:"$callers") do
      [_ | _] = list -> [owner | list]
      _ -> [owner]
    end
  end
end

defmodule Task.Supervised do
  @moduledoc false

  def start(owner, callers, mfa) do
    {:ok, :proc_lib.spawn(Task.Supervised, :noreply, [owner, callers, mfa])}
  end

  def start_link(owner, callers, mfa) do
    {:ok, :proc_lib.spawn_link(Task.Supervised, :noreply, [owner, callers, mfa])}
  end

  def start_link(owner, monitor) do
    {:ok, :proc_lib.spawn_link(Task.Supervised, :reply, [owner, monitor])}
  end

  def reply({_, _, owner_pid} = owner, monitor) do
    case monitor do
      :monitor ->
        mref = Process.monitor(owner_pid)
        reply(owner, owner_pid, mref, 5000)

      :nomonitor ->
        reply(owner, owner_pid, nil, :infinity)
    end
  end

  defp reply(owner, owner_pid, mref, timeout) do
    receive do
      {^owner_pid, ref, reply_to, callers, mfa} ->
        initial_call(mfa)
        put_callers(callers)
        _ = mref && Process.demonitor(mref, [:flush])
        result = invoke_mfa(owner, mfa)

        if reply_to == ref,
          do: :beamlet.send_alias(owner_pid, ref, {ref, result}),
          else: send(reply_to, {ref, result})

      {:DOWN, ^mref, _, _, reason} ->
        exit({:shutdown, reason})
    after
      timeout -> exit(:timeout)
    end
  end

  def noreply(owner, callers, mfa) do
    initial_call(mfa)
    put_callers(callers)
    invoke_mfa(owner, mfa)
  end

  defp initial_call(mfa), do: Process.put(:"$initial_call", get_initial_call(mfa))

  defp get_initial_call({:erlang, :apply, [fun, []]}) when is_function(fun, 0) do
    {:module, module} = :erlang.fun_info(fun, :module)
    {:name, name} = :erlang.fun_info(fun, :name)
    {module, name, 0}
  end

  defp get_initial_call({mod, fun, args}), do: {mod, fun, length(args)}

  defp put_callers(callers), do: Process.put(:"$callers", callers)

  def invoke_mfa(owner, {module, fun, args} = mfa) do
    try do
      apply(module, fun, args)
    catch
      :exit, value
      when value == :normal or value == :shutdown or
             (is_tuple(value) and tuple_size(value) == 2 and elem(value, 0) == :shutdown) ->
        :erlang.raise(:exit, value, __STACKTRACE__)

      kind, value ->
        stack = __STACKTRACE__
        {fun, args} = get_running(mfa)
        log_crash(get_from(owner), fun, args, {log_value(kind, value), stack})
        :erlang.raise(kind, value, stack)
    end
  end

  defp log_crash(starter, fun, args, reason) do
    if Logger.__enabled__(:error) do
      {formatted, _} = Logger.__format_reason__(reason)

      Logger.__log__(
        :error,
        "Task #{inspect(self())} started from #{inspect(starter)} terminating" <>
          formatted <> "\nFunction: #{inspect(fun)}\n    Args: #{inspect(args)}"
      )
    end
  end

  defp log_value(:throw, value), do: {:nocatch, value}
  defp log_value(_, value), do: value

  defp get_from({node, pid_or_name, _pid}) when node == node(), do: pid_or_name
  defp get_from({node, name, _pid}) when is_atom(name), do: {node, name}
  defp get_from({_node, _name, pid}), do: pid

  defp get_running({:erlang, :apply, [fun, []]}) when is_function(fun, 0), do: {fun, []}
  defp get_running({mod, fun, args}), do: {Function.capture(mod, fun, length(args)), args}

  # `async_stream`: `spawn` starts a task, `{:ok, :link | :nolink, pid}`.
  def stream(enumerable, callers, fun, options, spawn) do
    max = Keyword.get(options, :max_concurrency, System.schedulers_online())
    ordered = Keyword.get(options, :ordered, true)
    timeout = Keyword.get(options, :timeout, 5000)
    on_timeout = Keyword.get(options, :on_timeout, :exit)
    zip = Keyword.get(options, :zip_input_on_exit, false)

    unless is_integer(max) and max > 0 do
      raise ArgumentError, ":max_concurrency must be an integer greater than zero"
    end

    unless on_timeout in [:exit, :kill_task] do
      raise ArgumentError, ":on_timeout must be either :exit or :kill_task"
    end

    unless timeout == :infinity or (is_integer(timeout) and timeout >= 0) do
      raise ArgumentError, ":timeout must be either a positive integer or :infinity"
    end

    config = %{
      max: max,
      ordered: ordered,
      timeout: timeout,
      on_timeout: on_timeout,
      zip: zip,
      fun: fun,
      callers: callers,
      spawn: spawn
    }

    Stream.resource(
      fn ->
        %{
          it: Stream.Iter.from(enumerable),
          index: 0,
          emit: 0,
          running: %{},
          results: %{},
          config: config
        }
      end,
      &stream_next/1,
      &stream_close/1
    )
  end

  defp stream_next(state) do
    state = fill(state)

    cond do
      state.config.ordered and Map.has_key?(state.results, state.emit) ->
        {result, results} = Map.pop(state.results, state.emit)
        {[result], %{state | results: results, emit: state.emit + 1}}

      not state.config.ordered and map_size(state.results) > 0 ->
        {index, result} = Enum.min_by(state.results, fn {i, _} -> i end)
        {[result], %{state | results: Map.delete(state.results, index)}}

      map_size(state.running) == 0 and state.it == :done ->
        {:halt, state}

      true ->
        stream_next(wait(state))
    end
  end

  # Starts tasks while fewer than `max` run and the input has elements.
  defp fill(%{it: :done} = state), do: state

  # As Elixir: at most `max` tasks spawned and not yet delivered (running, or done and
  # waiting for their turn).
  defp fill(state) do
    if map_size(state.running) + map_size(state.results) >= state.config.max do
      state
    else
      next =
        try do
          state.it.(:next)
        catch
          # The input failed: the tasks started so far must not outlive the stream.
          kind, reason ->
            stream_close(%{state | it: :done})
            :erlang.raise(kind, reason, __STACKTRACE__)
        end

      case next do
        :done -> %{state | it: :done}
        {element, it} -> fill(%{spawn_task(state, element) | it: it, index: state.index + 1})
      end
    end
  end

  defp spawn_task(state, element) do
    config = state.config
    owner = self()

    {type, pid} =
      case config.spawn.() do
        {:ok, type, pid} ->
          {type, pid}

        {:error, :max_children} ->
          stream_close(state)

          raise """
          reached the maximum number of tasks for this task supervisor. The maximum number \
          of tasks that are allowed to run at the same time under this supervisor can be \
          configured with the :max_children option passed to Task.Supervisor.start_link/1\
          """
      end

    ref = :erlang.monitor(:process, pid, [{:alias, :demonitor}])

    mfa =
      case config.fun do
        {m, f, a} -> {m, f, [element | a]}
        fun -> {:erlang, :apply, [fun, [element]]}
      end

    send(pid, {owner, ref, ref, config.callers, mfa})

    timer =
      if config.timeout == :infinity,
        do: nil,
        else: :erlang.start_timer(config.timeout, self(), {:task_timeout, ref})

    %{state | running: Map.put(state.running, ref, {state.index, pid, type, timer, element})}
  end

  defp wait(state) do
    receive do
      {ref, result} when is_reference(ref) and is_map_key(state.running, ref) ->
        Process.demonitor(ref, [:flush])
        done(state, ref, {:ok, result})

      {:DOWN, ref, _, _, reason} when is_map_key(state.running, ref) ->
        {_, _, _, _, element} = Map.fetch!(state.running, ref)
        reason = if state.config.zip, do: {element, reason}, else: reason
        done(state, ref, {:exit, reason})

      {:timeout, _timer, {:task_timeout, ref}} when is_map_key(state.running, ref) ->
        {_, pid, _, _, element} = Map.fetch!(state.running, ref)

        case state.config.on_timeout do
          :exit ->
            stream_close(state)
            exit({:timeout, {Task.Supervised, :stream, [state.config.timeout]}})

          :kill_task ->
            Process.unlink(pid)
            Process.exit(pid, :kill)
            Process.demonitor(ref, [:flush])
            reason = if state.config.zip, do: {element, :timeout}, else: :timeout
            done(state, ref, {:exit, reason})
        end
    end
  end

  defp done(state, ref, result) do
    {{index, pid, type, timer, _}, running} = Map.pop(state.running, ref)
    cancel_task_timer(timer)

    # A linked task that answered ends normally: its `{:EXIT, pid, :normal}` must not reach
    # a caller that traps exits (Elixir links the tasks to a monitor process instead).
    if type == :link do
      Process.unlink(pid)

      receive do
        {:EXIT, ^pid, :normal} -> :ok
      after
        0 -> :ok
      end
    end

    %{state | running: running, results: Map.put(state.results, index, result)}
  end

  # A timer that fired before it was cancelled has left its message: take it.
  defp cancel_task_timer(nil), do: :ok

  defp cancel_task_timer(timer) do
    if :erlang.cancel_timer(timer) == false do
      receive do
        {:timeout, ^timer, _} -> :ok
      after
        0 -> :ok
      end
    end

    :ok
  end

  defp stream_close(state) do
    if state.it != :done, do: state.it.(:close)

    for {ref, {_, pid, _, timer, _}} <- state.running do
      cancel_task_timer(timer)
      Process.unlink(pid)
      Process.exit(pid, :kill)
      Process.demonitor(ref, [:flush])

      # Gone when the stream is: wait for its end (a fresh monitor, so that closing twice
      # cannot wait for a DOWN already taken), then take a reply it may have sent.
      mon = Process.monitor(pid)

      receive do
        {:DOWN, ^mon, _, _, _} -> :ok
      end

      receive do
        {^ref, _} -> :ok
      after
        0 -> :ok
      end
    end

    :ok
  end
end

defmodule Task.Supervisor do
  def child_spec(opts) when is_list(opts) do
    id =
      case Keyword.get(opts, :name, Task.Supervisor) do
        name when is_atom(name) -> name
        {:global, name} -> name
        {:via, _module, name} -> name
      end

    %{id: id, start: {Task.Supervisor, :start_link, [opts]}, type: :supervisor}
  end

  def start_link(options \\ []) do
    {restart, options} = Keyword.pop(options, :restart)
    {shutdown, options} = Keyword.pop(options, :shutdown)

    if restart != nil do
      IO.warn("the :restart option in Task.Supervisor.start_link/1 is deprecated")
    end

    keys = [:max_children, :max_seconds, :max_restarts]
    {sup_opts, start_opts} = Keyword.split(options, keys)
    restart_and_shutdown = {restart || :temporary, shutdown || 5000}
    DynamicSupervisor.start_link(__MODULE__, {restart_and_shutdown, sup_opts}, start_opts)
  end

  def init({{_restart, _shutdown} = arg, options}) do
    Process.put(Task.Supervisor, arg)
    DynamicSupervisor.init([strategy: :one_for_one] ++ options)
  end

  def async(supervisor, fun, options \\ []), do: async(supervisor, :erlang, :apply, [fun, []], options)

  def async(supervisor, module, fun, args, options \\ []),
    do: async(supervisor, :link, module, fun, args, options)

  def async_nolink(supervisor, fun, options \\ []),
    do: async_nolink(supervisor, :erlang, :apply, [fun, []], options)

  def async_nolink(supervisor, module, fun, args, options \\ []),
    do: async(supervisor, :nolink, module, fun, args, options)

  defp async(supervisor, link_type, module, fun, args, options) do
    owner = self()
    shutdown = options[:shutdown]

    case start_child_with_spec(supervisor, [Task.get_owner(owner), :monitor], :temporary, shutdown) do
      {:ok, pid} ->
        if link_type == :link, do: Process.link(pid)
        ref = :erlang.monitor(:process, pid, [{:alias, :demonitor}])
        send(pid, {owner, ref, ref, Task.get_callers(owner), {module, fun, args}})
        %Task{pid: pid, ref: ref, owner: owner, mfa: {module, fun, length(args)}}

      {:error, :max_children} ->
        raise """
        reached the maximum number of tasks for this task supervisor. The maximum number \
        of tasks that are allowed to run at the same time under this supervisor can be \
        configured with the :max_children option passed to Task.Supervisor.start_link/1\
        """
    end
  end

  def async_stream(supervisor, enumerable, fun, options \\ []) when is_function(fun, 1),
    do: build_stream(supervisor, :link, enumerable, fun, options)

  def async_stream(supervisor, enumerable, module, function, args, options \\ [])
      when is_atom(module) and is_atom(function) and is_list(args),
      do: build_stream(supervisor, :link, enumerable, {module, function, args}, options)

  def async_stream_nolink(supervisor, enumerable, fun, options \\ []) when is_function(fun, 1),
    do: build_stream(supervisor, :nolink, enumerable, fun, options)

  def async_stream_nolink(supervisor, enumerable, module, function, args, options \\ [])
      when is_atom(module) and is_atom(function) and is_list(args),
      do: build_stream(supervisor, :nolink, enumerable, {module, function, args}, options)

  defp build_stream(supervisor, link_type, enumerable, fun, options) do
    shutdown = options[:shutdown]
    owner = Task.get_owner(self())

    Task.Supervised.stream(enumerable, Task.get_callers(self()), fun, options, fn ->
      case start_child_with_spec(supervisor, [owner, :monitor], :temporary, shutdown) do
        {:ok, pid} ->
          if link_type == :link, do: Process.link(pid)
          {:ok, link_type, pid}

        {:error, :max_children} ->
          {:error, :max_children}
      end
    end)
  end

  def children(supervisor) do
    for {_, pid, _, _} <- DynamicSupervisor.which_children(supervisor), is_pid(pid), do: pid
  end

  def start_child(supervisor, fun, options \\ []) do
    restart = options[:restart]
    shutdown = options[:shutdown]
    args = [Task.get_owner(self()), Task.get_callers(self()), {:erlang, :apply, [fun, []]}]
    start_child_with_spec(supervisor, args, restart, shutdown)
  end

  def start_child(supervisor, module, fun, args, options \\ []) when is_atom(fun) and is_list(args) do
    restart = options[:restart]
    shutdown = options[:shutdown]
    args = [Task.get_owner(self()), Task.get_callers(self()), {module, fun, args}]
    start_child_with_spec(supervisor, args, restart, shutdown)
  end

  def terminate_child(supervisor, pid) when is_pid(pid),
    do: DynamicSupervisor.terminate_child(supervisor, pid)

  defp start_child_with_spec(supervisor, args, restart, shutdown) do
    GenServer.call(supervisor, {:start_task, args, restart, shutdown}, :infinity)
  end
end
