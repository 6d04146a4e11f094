# `:gen_server` (after OTP 25's gen_server.erl) and Elixir's `GenServer` over it.
#
# The server loop keeps its state in the arguments of `loop/7`: parent, name, state,
# module, the timeout or `:hibernate` or `{:continue, c}` of the last return, the
# `hibernate_after` option and the `:sys` debug list. Callbacks run inside `try`; a
# `throw` is a return value, as in OTP. System messages (`:sys`) and an exit signal from
# the parent are handled by the loop itself.

defmodule :gen_server do
  def start(mod, args, opts), do: :gen.start(:gen_server, :nolink, mod, args, opts)
  def start(name, mod, args, opts), do: :gen.start(:gen_server, :nolink, name, mod, args, opts)
  def start_link(mod, args, opts), do: :gen.start(:gen_server, :link, mod, args, opts)
  def start_link(name, mod, args, opts), do: :gen.start(:gen_server, :link, name, mod, args, opts)
  def start_monitor(mod, args, opts), do: :gen.start(:gen_server, :monitor, mod, args, opts)

  def call(server, request, timeout \\ 5000) do
    try do
      :gen.call(server, :"$gen_call", request, timeout)
    catch
      :exit, reason -> exit({reason, {:gen_server, :call, [server, request, timeout]}})
    else
      {:ok, reply} -> reply
    end
  end

  def cast(server, request) do
    try do
      send_to(server, {:"$gen_cast", request})
    catch
      _, _ -> :ok
    end

    :ok
  end

  defp send_to({:global, name}, msg), do: :global.send(name, msg)
  defp send_to({:via, mod, name}, msg), do: mod.send(name, msg)
  defp send_to(dest, msg), do: send(dest, msg)

  def reply(from, reply), do: :gen.reply(from, reply)

  def stop(server, reason \\ :normal, timeout \\ :infinity), do: :proc_lib.stop(server, reason, timeout)

  def init_it(starter, :self, name, mod, args, opts), do: init_it(starter, self(), name, mod, args, opts)

  def init_it(starter, parent, name0, mod, args, opts) do
    name = :gen.name(name0)
    debug = if Keyword.get(opts, :debug, []) == [], do: [], else: :sys.debug_options(Keyword.get(opts, :debug))
    hib_after = Keyword.get(opts, :hibernate_after, :infinity)

    case init_callback(mod, args) do
      {:ok, {:ok, state}} ->
        :proc_lib.init_ack(starter, {:ok, self()})
        loop(parent, name, state, mod, :infinity, hib_after, debug)

      {:ok, {:ok, state, time}} when time == :infinity or (is_integer(time) and time >= 0) or time == :hibernate ->
        :proc_lib.init_ack(starter, {:ok, self()})
        loop(parent, name, state, mod, time, hib_after, debug)

      {:ok, {:ok, state, {:continue, _} = continue}} ->
        :proc_lib.init_ack(starter, {:ok, self()})
        loop(parent, name, state, mod, continue, hib_after, debug)

      {:ok, {:stop, reason}} ->
        :gen.unregister_name(name0)
        :proc_lib.init_ack(starter, {:error, reason})
        exit(reason)

      {:ok, :ignore} ->
        :gen.unregister_name(name0)
        :proc_lib.init_ack(starter, :ignore)
        exit(:normal)

      {:ok, other} ->
        error = {:bad_return_value, other}
        :proc_lib.init_ack(starter, {:error, error})
        exit(error)

      {:EXIT, kind, reason, stack} ->
        :gen.unregister_name(name0)
        :proc_lib.init_ack(starter, {:error, terminate_reason(kind, reason, stack)})
        :erlang.raise(kind, reason, stack)
    end
  end

  defp init_callback(mod, args) do
    try do
      {:ok, mod.init(args)}
    catch
      :throw, r -> {:ok, r}
      kind, r -> {:EXIT, kind, r, __STACKTRACE__}
    end
  end

  def loop(parent, name, state, mod, {:continue, c} = msg, hib_after, debug) do
    reply = try_dispatch(mod, :handle_continue, c, state)
    debug = :sys.handle_debug(debug, name, msg)
    handle_common_reply(reply, parent, name, nil, msg, mod, hib_after, state, debug)
  end

  def loop(parent, name, state, mod, :hibernate, hib_after, debug) do
    :proc_lib.hibernate(:gen_server, :wake_hib, [parent, name, state, mod, hib_after, debug])
  end

  # The common case first: no timeout, no hibernate_after, no debug; a call skips the
  # system-message and debug checks.
  # The callback runs in this function's `try`, and its usual answer, `{:reply, r, s}` to a
  # `GenServer.call`, is sent and looped on in the `else`, which is outside the `try`
  # (the loop stays a tail call). Everything else goes through `call_result/9`.
  def loop(parent, name, state, mod, :infinity, :infinity, []) do
    receive do
      {:"$gen_call", from, msg} ->
        try do
          mod.handle_call(msg, from, state)
        catch
          :throw, r -> call_result({:ok, r}, from, msg, parent, name, state, mod, :infinity, [])
          kind, r -> call_result({:EXIT, kind, r, __STACKTRACE__}, from, msg, parent, name, state, mod, :infinity, [])
        else
          {:reply, reply, nstate} ->
            case from do
              {to, [:alias | ref] = tag} when is_pid(to) ->
                :beamlet.send_alias(to, ref, {tag, reply})
                loop(parent, name, nstate, mod, :infinity, :infinity, [])

              _ ->
                call_result({:ok, {:reply, reply, nstate}}, from, msg, parent, name, state, mod, :infinity, [])
            end

          other ->
            call_result({:ok, other}, from, msg, parent, name, state, mod, :infinity, [])
        end

      msg ->
        decode_msg(msg, parent, name, state, mod, :infinity, :infinity, [], false)
    end
  end

  def loop(parent, name, state, mod, :infinity, hib_after, debug) do
    receive do
      msg -> decode_msg(msg, parent, name, state, mod, :infinity, hib_after, debug, false)
    after
      hib_after -> loop(parent, name, state, mod, :hibernate, hib_after, debug)
    end
  end

  def loop(parent, name, state, mod, time, hib_after, debug) do
    msg =
      receive do
        input -> input
      after
        time -> :timeout
      end

    decode_msg(msg, parent, name, state, mod, time, hib_after, debug, false)
  end

  def wake_hib(parent, name, state, mod, hib_after, debug) do
    msg =
      receive do
        input -> input
      end

    decode_msg(msg, parent, name, state, mod, :hibernate, hib_after, debug, true)
  end

  defp decode_msg(msg, parent, name, state, mod, time, hib_after, debug, hib) do
    case msg do
      {:system, from, req} ->
        :sys.handle_system_msg(req, from, parent, :gen_server, debug, [name, state, mod, time, hib_after], hib)

      {:EXIT, ^parent, reason} ->
        terminate(:exit, reason, [], false, name, nil, msg, mod, state, debug)

      _ ->
        debug = :sys.handle_debug(debug, name, {:in, msg})
        handle_msg(msg, parent, name, state, mod, hib_after, debug)
    end
  end

  defp handle_msg({:"$gen_call", from, msg}, parent, name, state, mod, hib_after, debug) do
    call_result(try_handle_call(mod, msg, from, state), from, msg, parent, name, state, mod, hib_after, debug)
  end

  defp handle_msg(msg, parent, name, state, mod, hib_after, debug) do
    reply = try_dispatch(msg, mod, state)
    handle_common_reply(reply, parent, name, nil, msg, mod, hib_after, state, debug)
  end

  # What the server does with `handle_call`'s outcome: `{:ok, return}` (a `throw` too) or
  # `{:EXIT, kind, reason, stacktrace}`.
  defp call_result(result, from, msg, parent, name, state, mod, hib_after, debug) do
    case result do
      {:ok, {:reply, reply, nstate}} ->
        debug = reply(name, from, reply, nstate, debug)
        loop(parent, name, nstate, mod, :infinity, hib_after, debug)

      {:ok, {:reply, reply, nstate, time}}
      when time == :infinity or (is_integer(time) and time >= 0) or time == :hibernate ->
        debug = reply(name, from, reply, nstate, debug)
        loop(parent, name, nstate, mod, time, hib_after, debug)

      {:ok, {:reply, reply, nstate, {:continue, _} = continue}} ->
        debug = reply(name, from, reply, nstate, debug)
        loop(parent, name, nstate, mod, continue, hib_after, debug)

      {:ok, {:stop, reason, reply, nstate}} ->
        try do
          terminate(:exit, reason, [], false, name, from, msg, mod, nstate, debug)
        after
          reply(name, from, reply, nstate, debug)
        end

      other ->
        handle_common_reply(other, parent, name, from, msg, mod, hib_after, state, debug)
    end
  end

  defp try_dispatch({:"$gen_cast", msg}, mod, state), do: try_dispatch(mod, :handle_cast, msg, state)
  defp try_dispatch(info, mod, state), do: try_dispatch(mod, :handle_info, info, state)

  defp try_dispatch(mod, :handle_info, msg, state) do
    if function_exported?(mod, :handle_info, 2) do
      do_dispatch(mod, :handle_info, msg, state)
    else
      # OTP logs the message a module without handle_info/2 could not take.
      if Logger.__enabled__(:warning) do
        Logger.__log__(:warning, "** Undefined handle_info in #{inspect(mod)}\n** Unhandled message: #{inspect(msg)}")
      end

      {:ok, {:noreply, state}}
    end
  end

  defp try_dispatch(mod, fun, msg, state), do: do_dispatch(mod, fun, msg, state)

  defp do_dispatch(mod, fun, msg, state) do
    try do
      {:ok, apply(mod, fun, [msg, state])}
    catch
      :throw, r -> {:ok, r}
      kind, r -> {:EXIT, kind, r, __STACKTRACE__}
    end
  end

  defp try_handle_call(mod, msg, from, state) do
    try do
      {:ok, mod.handle_call(msg, from, state)}
    catch
      :throw, r -> {:ok, r}
      kind, r -> {:EXIT, kind, r, __STACKTRACE__}
    end
  end

  defp handle_common_reply(reply, parent, name, from, msg, mod, hib_after, state, debug) do
    case reply do
      {:ok, {:noreply, nstate}} ->
        debug = :sys.handle_debug(debug, name, {:noreply, nstate})
        loop(parent, name, nstate, mod, :infinity, hib_after, debug)

      {:ok, {:noreply, nstate, time}}
      when time == :infinity or (is_integer(time) and time >= 0) or time == :hibernate ->
        debug = :sys.handle_debug(debug, name, {:noreply, nstate})
        loop(parent, name, nstate, mod, time, hib_after, debug)

      {:ok, {:noreply, nstate, {:continue, _} = continue}} ->
        debug = :sys.handle_debug(debug, name, {:noreply, nstate})
        loop(parent, name, nstate, mod, continue, hib_after, debug)

      {:ok, {:stop, reason, nstate}} ->
        terminate(:exit, reason, [], false, name, from, msg, mod, nstate, debug)

      {:EXIT, kind, reason, stack} ->
        terminate(kind, reason, stack, true, name, from, msg, mod, state, debug)

      {:ok, bad} ->
        terminate(:exit, {:bad_return_value, bad}, [], false, name, from, msg, mod, state, debug)
    end
  end

  defp reply(_name, {to, [:alias | ref] = tag}, reply, _state, []) when is_pid(to) do
    :beamlet.send_alias(to, ref, {tag, reply})
    []
  end

  defp reply(name, from, reply, state, debug) do
    :gen.reply(from, reply)
    :sys.handle_debug(debug, name, {:out, reply, from, state})
  end

  # `:sys` callbacks.
  def system_continue(parent, debug, [name, state, mod, time, hib_after]) do
    loop(parent, name, state, mod, time, hib_after, debug)
  end

  def system_terminate(reason, _parent, debug, [name, state, mod, _time, _hib_after]) do
    terminate(:exit, reason, [], false, name, nil, [], mod, state, debug)
  end

  def system_get_state([_name, state, _mod, _time, _hib_after]), do: {:ok, state}

  def system_replace_state(fun, [name, state, mod, time, hib_after]) do
    nstate = fun.(state)
    {:ok, nstate, [name, nstate, mod, time, hib_after]}
  end

  def system_code_change([name, state, mod, time, hib_after], _module, old_vsn, extra) do
    case mod.code_change(old_vsn, state, extra) do
      {:ok, nstate} -> {:ok, [name, nstate, mod, time, hib_after]}
      other -> other
    end
  end

  def format_status(opt, [pdict, sys_state, parent, debug, [name, state, mod, _time, _hib]]) do
    # A module's own `format_status/2` shows its state its way.
    specific =
      if function_exported?(mod, :format_status, 2) do
        case mod.format_status(opt, [pdict, state]) do
          list when is_list(list) -> list
          other -> [other]
        end
      else
        [data: [{'State', state}]]
      end

    [
      header: 'Status for generic server ' ++ List.flatten(:io_lib.format('~tp', [name])),
      data: [{'Status', sys_state}, {'Parent', parent}, {'Logged events', :sys.get_log(debug)}]
    ] ++ specific
  end

  defp terminate(kind, reason, stack, report_stack, name, from, msg, mod, state, _debug) do
    result =
      if function_exported?(mod, :terminate, 2) do
        try do
          {:ok, mod.terminate(terminate_reason(kind, reason, stack), state)}
        catch
          :throw, r -> {:ok, r}
          k, r -> {:EXIT, k, r, __STACKTRACE__}
        end
      else
        {:ok, :ok}
      end

    case result do
      {:EXIT, k, r, s} ->
        error_info(terminate_reason(k, r, s), name, from, msg, state)
        :erlang.raise(k, r, s)

      _ ->
        case {kind, reason} do
          {:exit, :normal} -> :ok
          {:exit, :shutdown} -> :ok
          {:exit, {:shutdown, _}} -> :ok
          _ when report_stack -> error_info({reason, stack}, name, from, msg, state)
          _ -> error_info(reason, name, from, msg, state)
        end
    end

    case stack do
      [] -> apply(:erlang, kind, [reason])
      _ -> :erlang.raise(kind, reason, stack)
    end
  end

  defp terminate_reason(:error, reason, stack), do: {reason, stack}
  defp terminate_reason(:throw, reason, stack), do: {{:nocatch, reason}, stack}
  defp terminate_reason(:exit, reason, _stack), do: reason

  # "GenServer NAME terminating", as Elixir's Logger translates gen_server's report.
  defp error_info(reason, name, from, msg, state) do
    if Logger.__enabled__(:error) do
      {formatted, _} = Logger.__format_reason__(reason)

      client =
        case from do
          {pid, _tag} when is_pid(pid) ->
            if Process.alive?(pid),
              do: "\nClient #{inspect(pid)} is alive\n",
              else: "\nClient #{inspect(pid)} is dead"

          _ ->
            ""
        end

      last_from =
        case from do
          {pid, _} -> " (from #{inspect(pid)})"
          _ -> ""
        end

      Logger.__log__(
        :error,
        "GenServer #{inspect(name)} terminating" <>
          formatted <>
          "\nLast message#{last_from}: #{inspect(msg)}\nState: #{inspect(state)}" <> client
      )
    end
  end
end

defmodule GenServer do
  @callback init(term()) :: term()

  def start(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    do_start(:nolink, module, init_arg, options)
  end

  def start_link(module, init_arg, options \\ []) when is_atom(module) and is_list(options) do
    do_start(:link, module, init_arg, options)
  end

  defp do_start(link, module, init_arg, options) do
    case Keyword.pop(options, :name) do
      {nil, opts} ->
        :gen.start(:gen_server, link, module, init_arg, opts)

      {atom, opts} when is_atom(atom) ->
        :gen.start(:gen_server, link, {:local, atom}, module, init_arg, opts)

      {{:global, _term} = tuple, opts} ->
        :gen.start(:gen_server, link, tuple, module, init_arg, opts)

      {{:via, via_module, _term} = tuple, opts} when is_atom(via_module) ->
        :gen.start(:gen_server, link, tuple, module, init_arg, opts)

      {other, _} ->
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

  def call(server, request, timeout \\ 5000)

  # A pid, the common case: `:gen.call_pid/5` written out here (`self()` read once). Measured
  # with callgrind, going through it costs 8% more per call (a remote call and the
  # `{:ok, reply}` tuple); the two must stay the same protocol.
  def call(pid, request, timeout)
      when is_pid(pid) and ((is_integer(timeout) and timeout >= 0) or timeout == :infinity) do
    me = self()

    if pid == me do
      exit({:calling_self, {__MODULE__, :call, [pid, request, timeout]}})
    end

    ref = :erlang.monitor(:process, pid, [{:alias, :demonitor}])
    send(pid, {:"$gen_call", {me, [:alias | ref]}, request})

    receive do
      {[:alias | ^ref], reply} ->
        :erlang.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {__MODULE__, :call, [pid, request, timeout]}})
    after
      timeout ->
        :erlang.demonitor(ref, [:flush])

        receive do
          {[:alias | ^ref], reply} -> reply
        after
          0 -> exit({:timeout, {__MODULE__, :call, [pid, request, timeout]}})
        end
    end
  end

  def call(server, request, timeout)
      when (is_integer(timeout) and timeout >= 0) or timeout == :infinity do
    case whereis(server) do
      nil ->
        exit({:noproc, {__MODULE__, :call, [server, request, timeout]}})

      pid when pid == self() ->
        exit({:calling_self, {__MODULE__, :call, [server, request, timeout]}})

      pid when is_pid(pid) ->
        mfa = {__MODULE__, :call, [server, request, timeout]}
        {:ok, res} = :gen.call_pid(pid, :"$gen_call", request, timeout, mfa)
        res

      remote ->
        try do
          :gen.call(remote, :"$gen_call", request, timeout)
        catch
          :exit, reason -> exit({reason, {__MODULE__, :call, [server, request, timeout]}})
        else
          {:ok, res} -> res
        end
    end
  end

  def cast(server, request)

  def cast({:global, name}, request) do
    try do
      :global.send(name, {:"$gen_cast", request})
      :ok
    catch
      _, _ -> :ok
    end
  end

  def cast({:via, mod, name}, request) do
    try do
      mod.send(name, {:"$gen_cast", request})
      :ok
    catch
      _, _ -> :ok
    end
  end

  def cast({name, node}, request) when is_atom(name) and is_atom(node),
    do: do_send({name, node}, {:"$gen_cast", request})

  def cast(dest, request) when is_atom(dest) or is_pid(dest),
    do: do_send(dest, {:"$gen_cast", request})

  defp do_send(dest, msg) do
    try do
      send(dest, msg)
      :ok
    catch
      _, _ -> :ok
    end
  end

  # On the one node there is.
  def multi_call(name, request), do: multi_call([node()], name, request, :infinity)
  def multi_call(nodes, name, request), do: multi_call(nodes, name, request, :infinity)

  def multi_call(nodes, name, request, timeout) when is_list(nodes) and is_atom(name) do
    Enum.reduce(Enum.reverse(nodes), {[], []}, fn node, {replies, bad} ->
      try do
        if node != node(), do: exit(:nodedown)
        :gen.call(name, :"$gen_call", request, timeout)
      catch
        :exit, _ -> {replies, [node | bad]}
      else
        {:ok, reply} -> {[{node, reply} | replies], bad}
      end
    end)
  end

  def abcast(name, request) when is_atom(name), do: abcast([node()], name, request)

  def abcast(nodes, name, request) when is_list(nodes) and is_atom(name) do
    for node <- nodes, node == node(), do: do_send(name, {:"$gen_cast", request})
    :abcast
  end

  def reply(client, reply), do: :gen.reply(client, reply)

  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        exit({:noproc, {__MODULE__, :stop, [server, reason, timeout]}})

      pid when pid == self() ->
        exit({:calling_self, {__MODULE__, :stop, [server, reason, timeout]}})

      pid ->
        try do
          :proc_lib.stop(pid, reason, timeout)
        catch
          :exit, err -> exit({err, {__MODULE__, :stop, [server, reason, timeout]}})
        end
    end
  end

  def whereis(server)
  def whereis(pid) when is_pid(pid), do: pid
  def whereis(name) when is_atom(name), do: Process.whereis(name)

  def whereis({:global, name}) do
    case :global.whereis_name(name) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end

  def whereis({:via, mod, name}) do
    case apply(mod, :whereis_name, [name]) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end

  def whereis({name, local}) when is_atom(name) and local == node(), do: Process.whereis(name)
  def whereis({name, node} = server) when is_atom(name) and is_atom(node), do: server

  # The default `handle_info/2` of `use GenServer` logs the message it did not expect.
  def __no_handle_info__(module, proc, msg) do
    if Logger.__enabled__(:error) do
      Logger.__log__(
        :error,
        "#{inspect(module)} #{inspect(proc)} received unexpected message in handle_info/2: #{inspect(msg)}"
      )
    end

    :ok
  end
end

# `{:global, name}` names, on the one node there is: a registry process of its own.
defmodule :global do
  def register_name(name, pid) when is_pid(pid), do: call({:register, name, pid})
  def unregister_name(name), do: call({:unregister, name})
  def whereis_name(name), do: call({:whereis, name})
  def registered_names(), do: call(:names)

  def send(name, msg) do
    case whereis_name(name) do
      pid when is_pid(pid) ->
        Kernel.send(pid, msg)
        pid

      :undefined ->
        exit({:badarg, {name, msg}})
    end
  end

  defp call(req), do: :beamlet_system_server.call(:global_name_server, :global, req)

  @doc false
  def init(), do: %{}

  @doc false
  def handle_call(req, names), do: handle(req, names)

  @doc false
  def handle_info({:DOWN, _ref, :process, pid, _}, names),
    do: for({n, p} <- names, p != pid, into: %{}, do: {n, p})

  def handle_info(_other, names), do: names

  defp handle({:register, name, pid}, names) do
    if Map.has_key?(names, name) or not Process.alive?(pid) do
      {:no, names}
    else
      Process.monitor(pid)
      {:yes, Map.put(names, name, pid)}
    end
  end

  defp handle({:unregister, name}, names), do: {:ok, Map.delete(names, name)}
  defp handle({:whereis, name}, names), do: {Map.get(names, name, :undefined), names}
  defp handle(:names, names), do: {Map.keys(names), names}
end
