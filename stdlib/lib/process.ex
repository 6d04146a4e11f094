defmodule Process do
  # Processes: the Elixir API over the process BIFs (vm/src/natives/process.rs).

  def alive?(pid), do: :erlang.is_process_alive(pid)

  def sleep(timeout) do
    receive do
    after
      timeout -> :ok
    end
  end

  def send(dest, msg, options), do: :erlang.send(dest, msg, options)

  def send_after(dest, msg, time, opts \\ []) do
    case Keyword.get(opts, :abs, false) do
      false -> :erlang.send_after(time, dest, msg)
      true -> :erlang.send_after(max(time - System.monotonic_time(:millisecond), 0), dest, msg)
    end
  end

  def cancel_timer(timer_ref, options \\ []) do
    case options do
      [] -> :erlang.cancel_timer(timer_ref)
      _ -> :erlang.cancel_timer(timer_ref, options)
    end
  end

  def read_timer(timer_ref), do: :erlang.read_timer(timer_ref)

  def exit(pid, reason), do: :erlang.exit(pid, reason)

  def flag(flag, value), do: :erlang.process_flag(flag, value)

  def get(), do: :erlang.get()

  def get(key, default \\ nil) do
    case :erlang.get(key) do
      :undefined -> default
      value -> value
    end
  end

  def get_keys(), do: :erlang.get_keys()
  def get_keys(value), do: :erlang.get_keys(value)

  def put(key, value), do: nillify(:erlang.put(key, value))

  def delete(key), do: nillify(:erlang.erase(key))

  def link(pid_or_port), do: :erlang.link(pid_or_port)
  def unlink(pid_or_port), do: :erlang.unlink(pid_or_port)

  def monitor(item), do: :erlang.monitor(:process, item)

  def demonitor(monitor_ref, options \\ []), do: :erlang.demonitor(monitor_ref, options)

  def spawn(fun, opts), do: :erlang.spawn_opt(fun, opts)
  def spawn(mod, fun, args, opts), do: :erlang.spawn_opt(mod, fun, args, opts)

  def list(), do: :erlang.processes()

  def register(pid_or_port, name)
      when is_atom(name) and name != nil and name != false and name != true and
             name != :undefined do
    try do
      :erlang.register(name, pid_or_port)
    catch
      :error, :badarg ->
        raise ArgumentError,
              "could not register #{inspect(pid_or_port)} with " <>
                "name #{inspect(name)} because it is not alive, the name is already " <>
                "taken, or it has already been given another name"
    end
  end

  def unregister(name), do: :erlang.unregister(name)

  def whereis(name), do: nillify(:erlang.whereis(name))

  def registered(), do: :erlang.registered()

  def group_leader(), do: :erlang.group_leader()

  def hibernate(mod, fun_name, args), do: :erlang.hibernate(mod, fun_name, args)

  def info(pid) do
    nillify(__ask__(pid, [], true))
  end

  def info(pid, :registered_name) do
    case __ask__(pid, :registered_name, false) do
      :undefined -> nil
      [] -> {:registered_name, []}
      other -> other
    end
  end

  def info(pid, spec) when is_atom(spec) or is_list(spec) do
    nillify(__ask__(pid, spec, false))
  end

  # Another process answers with a message (it runs the request when it next handles
  # signals); this process answers at once.
  # `:erlang.garbage_collect(pid)` of another process: it answers once it collected.
  def __gc__(pid) do
    ref = make_ref()

    case :beamlet.gc_request(pid, ref) do
      true ->
        receive do
          {^ref, answer} -> answer
        end

      false ->
        false
    end
  end

  def __ask__(pid, spec, all) do
    case :beamlet.process_info(pid, spec, all) do
      {:"$beamlet_wait", ref} ->
        receive do
          {^ref, answer} -> answer
        end

      answer ->
        answer
    end
  end

  defp nillify(:undefined), do: nil
  defp nillify(other), do: other
end

defmodule :timer do
  # The parts of Erlang's timer module that scripts use.

  def sleep(time) do
    receive do
    after
      time -> :ok
    end
  end

  def send_after(time, pid, message), do: {:ok, :erlang.send_after(time, pid, message)}
  def send_after(time, message), do: send_after(time, self(), message)

  # Timers that run a function, and interval timers, are small processes (OTP keeps them
  # in its timer server): `{:instance, pid}` / `{:interval, pid}` references. An interval
  # timer ends with the process it sends to, as OTP's is linked to it.
  def apply_after(time, m, f, a) do
    {:ok, {:instance, spawn(fn -> after_then(time, fn -> spawn(m, f, a) end) end)}}
  end

  def exit_after(time, pid, reason) do
    {:ok, {:instance, spawn(fn -> after_then(time, fn -> Process.exit(pid, reason) end) end)}}
  end

  def exit_after(time, reason), do: exit_after(time, self(), reason)
  def kill_after(time, pid), do: exit_after(time, pid, :kill)
  def kill_after(time), do: exit_after(time, self(), :kill)

  def send_interval(time, pid, message) do
    {:ok, {:interval, spawn(fn -> interval(time, pid, fn -> send(pid, message) end) end)}}
  end

  def send_interval(time, message), do: send_interval(time, self(), message)

  def apply_interval(time, m, f, a) do
    owner = self()
    {:ok, {:interval, spawn(fn -> interval(time, owner, fn -> spawn(m, f, a) end) end)}}
  end

  defp after_then(time, action) do
    receive do
      :cancel -> :ok
    after
      time -> action.()
    end
  end

  defp interval(time, target, action) do
    ref = Process.monitor(target)
    interval_loop(time, ref, action)
  end

  defp interval_loop(time, ref, action) do
    receive do
      :cancel -> :ok
      {:DOWN, ^ref, _, _, _} -> :ok
    after
      time ->
        action.()
        interval_loop(time, ref, action)
    end
  end

  def cancel({:ok, ref}), do: cancel(ref)

  def cancel(ref) when is_reference(ref) do
    :erlang.cancel_timer(ref)
    {:ok, :cancel}
  end

  def cancel({kind, pid}) when kind in [:instance, :interval] and is_pid(pid) do
    send(pid, :cancel)
    {:ok, :cancel}
  end

  def cancel(_), do: {:error, :badarg}

  def now_diff({m2, s2, us2}, {m1, s1, us1}) do
    ((m2 - m1) * 1_000_000 + (s2 - s1)) * 1_000_000 + (us2 - us1)
  end

  def tc(fun) do
    t0 = :erlang.monotonic_time(:microsecond)
    value = fun.()
    {:erlang.monotonic_time(:microsecond) - t0, value}
  end

  def tc(fun, args) do
    t0 = :erlang.monotonic_time(:microsecond)
    value = apply(fun, args)
    {:erlang.monotonic_time(:microsecond) - t0, value}
  end

  def tc(m, f, a) do
    t0 = :erlang.monotonic_time(:microsecond)
    value = apply(m, f, a)
    {:erlang.monotonic_time(:microsecond) - t0, value}
  end

  def seconds(s), do: 1000 * s
  def minutes(m), do: 60 * 1000 * m
  def hours(h), do: 60 * 60 * 1000 * h
  def hms(h, m, s), do: hours(h) + minutes(m) + seconds(s)
end
