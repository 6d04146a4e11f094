# `:sys`, after OTP 25's sys.erl: system messages `{:system, from, request}` sent with
# `:gen.call` to a process of a behaviour, which hands them to `handle_system_msg/7`. The
# behaviour module answers through its `system_*` callbacks.
#
# The debug list of a process holds `{:trace, true}`, `{:log, {n, events}}` and
# `{:statistics, {start_time, reductions, messages_in, messages_out}}`.

defmodule :sys do
  def get_state(name), do: raise_error(send_system_msg(name, :get_state))
  def get_state(name, timeout), do: raise_error(send_system_msg(name, :get_state, timeout))
  def replace_state(name, fun), do: raise_error(send_system_msg(name, {:replace_state, fun}))

  def replace_state(name, fun, timeout),
    do: raise_error(send_system_msg(name, {:replace_state, fun}, timeout))

  def get_status(name), do: send_system_msg(name, :get_status)
  def get_status(name, timeout), do: send_system_msg(name, :get_status, timeout)
  def suspend(name), do: send_system_msg(name, :suspend)
  def suspend(name, timeout), do: send_system_msg(name, :suspend, timeout)
  def resume(name), do: send_system_msg(name, :resume)
  def resume(name, timeout), do: send_system_msg(name, :resume, timeout)
  def terminate(name, reason), do: send_system_msg(name, {:terminate, reason})
  def terminate(name, reason, timeout), do: send_system_msg(name, {:terminate, reason}, timeout)
  def trace(name, flag), do: send_system_msg(name, {:debug, {:trace, flag}})
  def trace(name, flag, timeout), do: send_system_msg(name, {:debug, {:trace, flag}}, timeout)
  def log(name, flag), do: send_system_msg(name, {:debug, {:log, flag}})
  def log(name, flag, timeout), do: send_system_msg(name, {:debug, {:log, flag}}, timeout)
  def statistics(name, flag), do: send_system_msg(name, {:debug, {:statistics, flag}})

  def statistics(name, flag, timeout),
    do: send_system_msg(name, {:debug, {:statistics, flag}}, timeout)

  def no_debug(name), do: send_system_msg(name, {:debug, :no_debug})
  def no_debug(name, timeout), do: send_system_msg(name, {:debug, :no_debug}, timeout)
  def change_code(name, mod, vsn, extra), do: send_system_msg(name, {:change_code, mod, vsn, extra})

  def change_code(name, mod, vsn, extra, timeout),
    do: send_system_msg(name, {:change_code, mod, vsn, extra}, timeout)

  defp raise_error({:error, reason}), do: :erlang.error(reason)
  defp raise_error(state), do: state

  defp send_system_msg(name, request) do
    try do
      :gen.call(name, :system, request)
    catch
      :exit, reason -> exit({reason, mfa(name, request)})
    else
      {:ok, res} -> res
    end
  end

  defp send_system_msg(name, request, timeout) do
    try do
      :gen.call(name, :system, request, timeout)
    catch
      :exit, reason ->
        {m, f, a} = mfa(name, request)
        exit({reason, {m, f, a ++ [timeout]}})
    else
      {:ok, res} -> res
    end
  end

  defp mfa(name, {:debug, {fun, arg}}), do: {:sys, fun, [name, arg]}
  defp mfa(name, {:change_code, mod, vsn, extra}), do: {:sys, :change_code, [name, mod, vsn, extra]}
  defp mfa(name, {:terminate, reason}), do: {:sys, :terminate, [name, reason]}
  defp mfa(name, request), do: {:sys, request, [name]}

  # In the process of the behaviour.
  def handle_system_msg(req, from, parent, mod, debug, misc, hib) do
    handle_system_msg(:running, req, from, parent, mod, debug, misc, hib)
  end

  defp handle_system_msg(sys_state, req, from, parent, mod, debug, misc, hib) do
    case do_cmd(sys_state, req, parent, mod, debug, misc) do
      {:suspended, reply, ndebug, nmisc} ->
        :gen.reply(from, reply)
        suspend_loop(parent, mod, ndebug, nmisc, hib)

      {:running, reply, ndebug, nmisc} ->
        :gen.reply(from, reply)
        mod.system_continue(parent, ndebug, nmisc)

      {{:terminating, reason}, reply, ndebug, nmisc} ->
        :gen.reply(from, reply)
        mod.system_terminate(reason, parent, ndebug, nmisc)
    end
  end

  defp suspend_loop(parent, mod, debug, misc, hib) do
    receive do
      {:system, from, req} -> handle_system_msg(:suspended, req, from, parent, mod, debug, misc, hib)
      {:EXIT, ^parent, reason} -> mod.system_terminate(reason, parent, debug, misc)
    end
  end

  defp do_cmd(_, :suspend, _parent, _mod, debug, misc), do: {:suspended, :ok, debug, misc}
  defp do_cmd(_, :resume, _parent, _mod, debug, misc), do: {:running, :ok, debug, misc}

  defp do_cmd(sys_state, :get_state, _parent, mod, debug, misc) do
    {sys_state, do_get_state(mod, misc), debug, misc}
  end

  defp do_cmd(sys_state, {:replace_state, fun}, _parent, mod, debug, misc) do
    {res, nmisc} = do_replace_state(fun, mod, misc)
    {sys_state, res, debug, nmisc}
  end

  defp do_cmd(sys_state, :get_status, parent, mod, debug, misc) do
    {sys_state, get_status(sys_state, parent, mod, debug, misc), debug, misc}
  end

  defp do_cmd(sys_state, {:debug, what}, _parent, _mod, debug, misc) do
    {res, ndebug} = debug_cmd(what, debug)
    {sys_state, res, ndebug, misc}
  end

  defp do_cmd(_, {:terminate, reason}, _parent, _mod, debug, misc),
    do: {{:terminating, reason}, :ok, debug, misc}

  defp do_cmd(:suspended, {:change_code, module, vsn, extra}, _parent, mod, debug, misc) do
    case mod.system_code_change(misc, module, vsn, extra) do
      {:ok, nmisc} -> {:suspended, :ok, debug, nmisc}
      other -> {:suspended, other, debug, misc}
    end
  end

  defp do_cmd(sys_state, other, _parent, _mod, debug, misc),
    do: {sys_state, {:error, {:unknown_system_msg, other}}, debug, misc}

  defp do_get_state(mod, misc) do
    try do
      mod.system_get_state(misc)
    catch
      kind, reason -> {:error, {:callback_failed, {mod, :system_get_state}, {kind, reason}}}
    else
      {:ok, state} -> state
    end
  end

  defp do_replace_state(fun, mod, misc) do
    try do
      mod.system_replace_state(fun, misc)
    catch
      kind, reason -> {{:error, {:callback_failed, {mod, :system_replace_state}, {kind, reason}}}, misc}
    else
      {:ok, state, nmisc} -> {state, nmisc}
    end
  end

  defp get_status(sys_state, parent, mod, debug, misc) do
    pdict = Process.get()
    status = mod.format_status(:normal, [pdict, sys_state, parent, debug, misc])
    {:status, self(), {:module, mod}, [pdict, sys_state, parent, debug, status]}
  end

  defp debug_cmd({:trace, true}, debug), do: {:ok, List.keystore(debug, :trace, 0, {:trace, true})}
  defp debug_cmd({:trace, false}, debug), do: {:ok, List.keydelete(debug, :trace, 0)}

  defp debug_cmd({:log, true}, debug), do: {:ok, List.keystore(debug, :log, 0, {:log, {10, []}})}
  defp debug_cmd({:log, {true, n}}, debug), do: {:ok, List.keystore(debug, :log, 0, {:log, {n, []}})}
  defp debug_cmd({:log, false}, debug), do: {:ok, List.keydelete(debug, :log, 0)}

  defp debug_cmd({:log, :get}, debug) do
    case List.keyfind(debug, :log, 0) do
      {:log, {_, events}} -> {{:ok, Enum.reverse(events)}, debug}
      nil -> {{:ok, []}, debug}
    end
  end

  defp debug_cmd({:statistics, true}, debug) do
    {:reductions, reds} = Process.info(self(), :reductions)
    stats = {:statistics, {:erlang.localtime(), reds, 0, 0}}
    {:ok, List.keystore(debug, :statistics, 0, stats)}
  end

  defp debug_cmd({:statistics, false}, debug), do: {:ok, List.keydelete(debug, :statistics, 0)}

  defp debug_cmd({:statistics, :get}, debug) do
    case List.keyfind(debug, :statistics, 0) do
      {:statistics, {start, reds0, msg_in, msg_out}} ->
        {:reductions, reds} = Process.info(self(), :reductions)

        {{:ok,
          [
            start_time: start,
            current_time: :erlang.localtime(),
            reductions: reds - reds0,
            messages_in: msg_in,
            messages_out: msg_out
          ]}, debug}

      nil ->
        {{:ok, :no_statistics}, debug}
    end
  end

  defp debug_cmd(:no_debug, _debug), do: {:ok, []}
  defp debug_cmd(_, debug), do: {:unknown_debug, debug}

  def debug_options(options) do
    Enum.reduce(options, [], fn
      :trace, acc -> [{:trace, true} | acc]
      :log, acc -> [{:log, {10, []}} | acc]
      {:log, n}, acc -> [{:log, {n, []}} | acc]
      :statistics, acc -> elem(debug_cmd({:statistics, true}, acc), 1)
      _, acc -> acc
    end)
  end

  def get_log(debug) do
    case List.keyfind(debug, :log, 0) do
      {:log, {_, events}} -> Enum.reverse(events)
      nil -> []
    end
  end

  # Called by the behaviour for each event while `debug` is not empty.
  def handle_debug([], _name, _event), do: []

  def handle_debug(debug, name, event) do
    Enum.map(debug, fn
      {:trace, true} = t ->
        print_event(name, event)
        t

      {:log, {n, events}} ->
        {:log, {n, Enum.take([event | events], n)}}

      {:statistics, {start, reds, msg_in, msg_out}} ->
        case event do
          {:in, _} -> {:statistics, {start, reds, msg_in + 1, msg_out}}
          {:out, _, _, _} -> {:statistics, {start, reds, msg_in, msg_out + 1}}
          _ -> {:statistics, {start, reds, msg_in, msg_out}}
        end

      other ->
        other
    end)
  end

  defp print_event(name, {:in, msg}) do
    case msg do
      {:"$gen_call", {from, _tag}, call} -> :io.format('*DBG* ~tp got call ~tp from ~tw~n', [name, call, from])
      {:"$gen_cast", cast} -> :io.format('*DBG* ~tp got cast ~tp~n', [name, cast])
      _ -> :io.format('*DBG* ~tp got ~tp~n', [name, msg])
    end
  end

  defp print_event(name, {:out, msg, {to, _tag}, state}),
    do: :io.format('*DBG* ~tp sent ~tp to ~tw, new state ~tp~n', [name, msg, to, state])

  defp print_event(name, {:noreply, state}), do: :io.format('*DBG* ~tp new state ~tp~n', [name, state])
  defp print_event(name, event), do: :io.format('*DBG* ~tp dbg  ~tp~n', [name, event])
end
