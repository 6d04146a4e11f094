# Registry, with Elixir 1.14's API and results. Elixir keeps the entries in ETS tables
# read by the callers; Beamlet has no ETS yet, so each partition is a process that holds
# its entries and answers calls (`Registry.Partition`). As in Elixir:
# - the registry's name is its supervisor's, and partition `i` is registered as
#   `Name.PIDPartition<i>` (partition 0 also keeps the configuration and the metadata);
# - a `:unique` key lives in the partition its hash picks, a `:duplicate` entry in the
#   partition the registering process's hash picks;
# - registering links the caller to the partition, which traps exits and drops the
#   entries of a process that ends.

defmodule Registry do
  def child_spec(options) do
    %{id: Keyword.get(options, :name, Registry), start: {Registry, :start_link, [options]}, type: :supervisor}
  end

  def start_link(options) do
    keys = Keyword.get(options, :keys)

    unless keys in [:unique, :duplicate] do
      raise ArgumentError, "expected :keys to be given and be one of :unique or :duplicate, got: #{inspect(keys)}"
    end

    name =
      case Keyword.fetch(options, :name) do
        {:ok, name} when is_atom(name) -> name
        {:ok, other} -> raise ArgumentError, "expected :name to be an atom, got: #{inspect(other)}"
        :error -> raise ArgumentError, "expected :name option to be present"
      end

    meta = Keyword.get(options, :meta, [])

    unless Keyword.keyword?(meta) do
      raise ArgumentError, "expected :meta to be a keyword list, got: #{inspect(meta)}"
    end

    partitions = Keyword.get(options, :partitions, 1)

    unless is_integer(partitions) and partitions >= 1 do
      raise ArgumentError, "expected :partitions to be a positive integer, got: #{inspect(partitions)}"
    end

    listeners = Keyword.get(options, :listeners, [])

    unless is_list(listeners) and Enum.all?(listeners, &is_atom/1) do
      raise ArgumentError, "expected :listeners to be a list of named processes, got: #{inspect(listeners)}"
    end

    compressed = Keyword.get(options, :compressed, false)

    unless is_boolean(compressed) do
      raise ArgumentError, "expected :compressed to be a boolean, got: #{inspect(compressed)}"
    end

    config = {keys, name, partitions, listeners}
    Supervisor.start_link(Registry.Supervisor, {config, meta}, name: name)
  end

  # The registry's configuration `{kind, name, partitions, listeners}`.
  defp config(registry, message \\ :short) when is_atom(registry) do
    pid = Process.whereis(partition_name(registry, 0))

    try do
      if pid, do: GenServer.call(pid, :config, :infinity)
    catch
      :exit, _ -> nil
    end || raise(ArgumentError, unknown_registry(registry, message))
  end

  defp unknown_registry(registry, :short), do: "unknown registry: #{inspect(registry)}"

  defp unknown_registry(registry, :long) do
    "unknown registry: #{inspect(registry)}. Either the registry name is invalid or " <>
      "the registry is not running, possibly because its application isn't started"
  end

  @doc false
  def partition_name(registry, i), do: :"#{registry}.PIDPartition#{i}"

  defp key_partition({_kind, registry, partitions, _}, key),
    do: partition_name(registry, :erlang.phash2(key, partitions))

  defp pid_partition({_kind, registry, partitions, _}, pid),
    do: partition_name(registry, :erlang.phash2(pid, partitions))

  defp all_partitions({_kind, registry, partitions, _}),
    do: for(i <- 0..(partitions - 1), do: partition_name(registry, i))

  # The partitions that may hold `key`.
  defp partitions_for_key({:unique, _, _, _} = config, key), do: [key_partition(config, key)]
  defp partitions_for_key(config, _key), do: all_partitions(config)

  # The partition where the caller's entries go.
  defp own_partition({:unique, _, _, _} = config, key, _pid), do: key_partition(config, key)
  defp own_partition(config, _key, pid), do: pid_partition(config, pid)

  defp call(partition, request), do: GenServer.call(partition, request, :infinity)

  defp gather(partitions, request), do: Enum.flat_map(partitions, &call(&1, request))

  # The link first, as Elixir: a caller killed between the two calls leaves no entry
  # behind (its partition purges the entry when the exit comes).
  def register(registry, key, value) do
    config = config(registry)
    partition = own_partition(config, key, self())
    {:ok, owner} = call(pid_partition(config, self()), {:link, self(), partition})

    case call(partition, {:register, key, self(), value}) do
      :ok -> {:ok, owner}
      error -> error
    end
  end

  def unregister(registry, key) do
    config = config(registry)
    :ok = call(own_partition(config, key, self()), {:unregister, key, self()})
    unlink_if_unregistered(config)
  end

  def unregister_match(registry, key, pattern, guards \\ []) when is_list(guards) do
    config = config(registry)
    :ok = call(own_partition(config, key, self()), {:unregister_match, key, self(), pattern, guards})
    unlink_if_unregistered(config)
  end

  # As Elixir: a process left without entries is no longer linked to the registry.
  defp unlink_if_unregistered(config) do
    partitions =
      case config do
        {:unique, _, _, _} -> all_partitions(config)
        _ -> [pid_partition(config, self())]
      end

    if gather(partitions, {:keys, self()}) == [] do
      call(pid_partition(config, self()), {:unlink, self()})
    end

    :ok
  end

  def lookup(registry, key) do
    config = config(registry)
    gather(partitions_for_key(config, key), {:lookup, key})
  end

  def match(registry, key, pattern, guards \\ []) when is_list(guards) do
    config = config(registry)
    gather(partitions_for_key(config, key), {:match, key, pattern, guards})
  end

  def count_match(registry, key, pattern, guards \\ []) when is_list(guards) do
    length(match(registry, key, pattern, guards))
  end

  def select(registry, spec) when is_list(spec) do
    check_spec(spec, "select/2")
    config = config(registry)
    gather(all_partitions(config), {:select, spec})
  end

  def count_select(registry, spec) when is_list(spec) do
    check_spec(spec, "count_select/2")
    config = config(registry)
    config |> all_partitions() |> gather({:select, spec}) |> Enum.count(&(&1 === true))
  end

  # Heads are `{key, pid, value}` patterns; guards and bodies use what ETS knows.
  defp check_spec(spec, fun) do
    heads_ok =
      Enum.all?(spec, fn
        {{_, _, _}, guards, body} when is_list(guards) and is_list(body) -> true
        _ -> false
      end)

    unless heads_ok do
      raise ArgumentError, "invalid match specification in Registry.#{fun}: #{inspect(spec)}"
    end

    unless :beamlet_match_spec.valid?(spec) do
      raise ArgumentError,
            "errors were found at the given arguments:\n\n  * 2nd argument: not a valid match specification\n"
    end
  end

  def keys(registry, pid) when is_pid(pid) do
    config = config(registry)

    partitions =
      case config do
        {:unique, _, _, _} -> all_partitions(config)
        _ -> [pid_partition(config, pid)]
      end

    gather(partitions, {:keys, pid})
  end

  def values(registry, key, pid) when is_pid(pid) do
    config = config(registry)
    for {^pid, value} <- gather(partitions_for_key(config, key), {:lookup, key}), do: value
  end

  def count(registry) do
    config = config(registry)
    config |> all_partitions() |> Enum.map(&call(&1, :count)) |> Enum.sum()
  end

  def dispatch(registry, key, mfa_or_fun, _opts \\ []) do
    config = config(registry)

    for partition <- partitions_for_key(config, key) do
      case call(partition, {:lookup, key}) do
        [] -> :ok
        entries -> apply_dispatch(mfa_or_fun, entries)
      end
    end

    :ok
  end

  defp apply_dispatch({m, f, a}, entries), do: apply(m, f, [entries | a])
  defp apply_dispatch(fun, entries), do: fun.(entries)

  def update_value(registry, key, callback) when is_function(callback, 1) do
    case config(registry) do
      {:unique, _, _, _} = config ->
        case call(key_partition(config, key), {:owner_value, key, self()}) do
          {:ok, old} ->
            new = callback.(old)
            call(key_partition(config, key), {:put_value, key, self(), new})
            {new, old}

          :error ->
            :error
        end

      _ ->
        raise ArgumentError, "Registry.update_value/3 is not supported for duplicate registries"
    end
  end

  def meta(registry, key) when is_atom(registry) do
    config(registry, :long)
    call(partition_name(registry, 0), {:meta, key})
  end

  def put_meta(registry, key, value) when is_atom(registry) do
    config(registry, :long)
    call(partition_name(registry, 0), {:put_meta, key, value})
  end

  def delete_meta(registry, key) when is_atom(registry) do
    config(registry, :long)
    call(partition_name(registry, 0), {:delete_meta, key})
  end

  # `{:via, Registry, {registry, key}}` and `{:via, Registry, {registry, key, value}}`.
  def register_name({registry, key}, pid), do: register_name({registry, key, nil}, pid)

  def register_name({registry, key, value}, pid) when pid == self() do
    case register(registry, key, value) do
      {:ok, _} -> :yes
      {:error, _} -> :no
    end
  end

  def whereis_name({registry, key}), do: whereis_name({registry, key, nil})

  def whereis_name({registry, key, _value}) do
    case config(registry) do
      {:unique, _, _, _} = config ->
        case call(key_partition(config, key), {:lookup, key}) do
          [{pid, _}] -> pid
          [] -> :undefined
        end

      _ ->
        raise ArgumentError, ":via is not supported for duplicate registries"
    end
  end

  def unregister_name({registry, key}), do: unregister(registry, key)
  def unregister_name({registry, key, _value}), do: unregister(registry, key)

  def send({registry, key}, msg), do: send({registry, key, nil}, msg)

  def send({registry, key, _value} = name, msg) do
    case whereis_name(name) do
      :undefined -> :erlang.error(:badarg, [{registry, key}, msg])
      pid -> Kernel.send(pid, msg)
    end
  end
end

defmodule Registry.Supervisor do
  @moduledoc false
  use Supervisor

  def init({{_kind, registry, partitions, _listeners} = config, meta}) do
    children =
      for i <- 0..(partitions - 1) do
        name = Registry.partition_name(registry, i)
        meta = if i == 0, do: Map.new(meta), else: %{}
        %{id: name, start: {Registry.Partition, :start_link, [name, {config, meta}]}}
      end

    Supervisor.init(children, strategy: :one_for_all)
  end
end

defmodule Registry.Partition do
  @moduledoc false
  use GenServer

  def start_link(name, arg), do: GenServer.start_link(__MODULE__, arg, name: name)

  # entries: key => [{pid, value}] (oldest first); keys: pid => [key] (with repeats).
  def init({config, meta}) do
    Process.flag(:trap_exit, true)
    {:ok, %{config: config, meta: meta, entries: %{}, keys: %{}, links: %{}}}
  end

  def handle_call(:config, _from, state), do: {:reply, state.config, state}

  def handle_call({:register, key, pid, value}, _from, state) do
    {kind, registry, _, listeners} = state.config
    entries = Map.get(state.entries, key, [])

    case {kind, Enum.find(entries, fn {p, _} -> Process.alive?(p) end)} do
      {:unique, {owner, _}} ->
        {:reply, {:error, {:already_registered, owner}}, state}

      _ ->
        entries = if kind == :unique, do: [], else: entries
        state = put_entries(state, key, entries ++ [{pid, value}])
        state = %{state | keys: Map.update(state.keys, pid, [key], &(&1 ++ [key]))}
        for l <- listeners, do: send(l, {:register, registry, key, pid, value})
        {:reply, :ok, state}
    end
  end

  def handle_call({:unregister, key, pid}, _from, state) do
    {_kind, registry, _, listeners} = state.config
    state = remove(state, key, pid, fn _ -> true end)
    for l <- listeners, do: send(l, {:unregister, registry, key, pid})
    {:reply, :ok, state}
  end

  # The link to a registered process (it goes to the partition its pid picks), and the
  # partitions to purge when it ends.
  def handle_call({:link, pid, partition}, _from, state) do
    Process.link(pid)
    links = Map.update(state.links, pid, [partition], &Enum.uniq([partition | &1]))
    {:reply, {:ok, self()}, %{state | links: links}}
  end

  def handle_call({:unlink, pid}, _from, state) do
    Process.unlink(pid)

    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end

    {:reply, :ok, %{state | links: Map.delete(state.links, pid)}}
  end

  def handle_call({:unregister_match, key, pid, pattern, guards}, _from, state) do
    {_kind, registry, _, listeners} = state.config
    matches? = fn value -> :beamlet_match_spec.matches?(pattern, guards, value) end
    state = remove(state, key, pid, matches?)
    left = Enum.count(Map.get(state.entries, key, []), fn {p, _} -> p == pid end)

    # As Elixir: the listeners hear of it when every entry of the caller went.
    if left == 0 do
      for l <- listeners, do: send(l, {:unregister, registry, key, pid})
    end

    {:reply, :ok, state}
  end

  def handle_call({:lookup, key}, _from, state) do
    entries = for {pid, _} = e <- Map.get(state.entries, key, []), Process.alive?(pid), do: e
    {:reply, entries, state}
  end

  def handle_call({:match, key, pattern, guards}, _from, state) do
    entries =
      for {_pid, value} = e <- Map.get(state.entries, key, []),
          :beamlet_match_spec.matches?(pattern, guards, value),
          do: e

    {:reply, entries, state}
  end

  def handle_call({:select, spec}, _from, state) do
    results =
      for {key, entries} <- state.entries,
          {pid, value} <- entries,
          {:ok, result} <- [:beamlet_match_spec.run(spec, {key, pid, value}, {key, {pid, value}})],
          do: result

    {:reply, results, state}
  end

  def handle_call({:keys, pid}, _from, state) do
    keys = for key <- Map.get(state.keys, pid, []), Process.alive?(pid), do: key
    {:reply, keys, state}
  end

  def handle_call(:count, _from, state) do
    {:reply, state.entries |> Map.values() |> Enum.map(&length/1) |> Enum.sum(), state}
  end

  def handle_call({:owner_value, key, pid}, _from, state) do
    case Map.get(state.entries, key, []) do
      [{^pid, value}] -> {:reply, {:ok, value}, state}
      _ -> {:reply, :error, state}
    end
  end

  def handle_call({:put_value, key, pid, value}, _from, state) do
    case Map.get(state.entries, key, []) do
      [{^pid, _}] -> {:reply, :ok, put_entries(state, key, [{pid, value}])}
      _ -> {:reply, :error, state}
    end
  end

  def handle_call({:meta, key}, _from, state), do: {:reply, Map.fetch(state.meta, key), state}

  def handle_call({:put_meta, key, value}, _from, state),
    do: {:reply, :ok, %{state | meta: Map.put(state.meta, key, value)}}

  def handle_call({:delete_meta, key}, _from, state),
    do: {:reply, :ok, %{state | meta: Map.delete(state.meta, key)}}

  def handle_info({:EXIT, pid, _reason}, state) do
    {partitions, links} = Map.pop(state.links, pid, [])
    me = Process.info(self(), :registered_name) |> elem(1)
    for p <- partitions, p != me, do: GenServer.cast(p, {:purge, pid})
    {:noreply, purge(%{state | links: links}, pid)}
  end

  def handle_info(_msg, state), do: {:noreply, state}

  def handle_cast({:purge, pid}, state), do: {:noreply, purge(state, pid)}

  defp purge(state, pid) do
    case Map.pop(state.keys, pid) do
      {nil, _} ->
        state

      {keys, rest} ->
        state = %{state | keys: rest}

        Enum.reduce(Enum.uniq(keys), state, fn key, state ->
          put_entries(state, key, for({p, _} = e <- Map.get(state.entries, key, []), p != pid, do: e))
        end)
    end
  end

  defp put_entries(state, key, []), do: %{state | entries: Map.delete(state.entries, key)}
  defp put_entries(state, key, entries), do: %{state | entries: Map.put(state.entries, key, entries)}

  # Removes the entries of `pid` under `key` whose value satisfies `drop?`.
  defp remove(state, key, pid, drop?) do
    {dropped, kept} =
      Enum.split_with(Map.get(state.entries, key, []), fn {p, v} -> p == pid and drop?.(v) end)

    state = put_entries(state, key, kept)

    case Map.get(state.keys, pid, []) -- Enum.map(dropped, fn _ -> key end) do
      [] -> %{state | keys: Map.delete(state.keys, pid)}
      left -> %{state | keys: Map.put(state.keys, pid, left)}
    end
  end
end
