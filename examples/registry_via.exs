# Naming processes with a unique-keys Registry and :via tuples.
#
# Atoms are a poor fit for names made at run time (one room per user, one
# session per id). A Registry maps any term to a process instead; the
# `{:via, Registry, {registry, key}}` tuple works anywhere a GenServer name does.
# Entries disappear by themselves when the process exits.
defmodule Room do
  use GenServer

  def start_link(name),
    do: GenServer.start_link(__MODULE__, name, name: via(name))

  def via(name), do: {:via, Registry, {Rooms, name}}
  def say(name, msg), do: GenServer.cast(via(name), {:say, msg})
  def history(name), do: GenServer.call(via(name), :history)

  @impl true
  def init(name), do: {:ok, {name, []}}
  @impl true
  def handle_cast({:say, msg}, {name, msgs}), do: {:noreply, {name, [msg | msgs]}}
  @impl true
  def handle_call(:history, _from, {name, msgs}), do: {:reply, Enum.reverse(msgs), {name, msgs}}
end

{:ok, _} = Registry.start_link(keys: :unique, name: Rooms, meta: [purpose: :chat])

{:ok, lobby} = Room.start_link({:room, "lobby"})
{:ok, _} = Room.start_link({:room, "games"})

# Starting a second process under the same name fails and tells us who has it.
{:error, {:already_started, pid}} = Room.start_link({:room, "lobby"})
IO.inspect(pid == lobby, label: "already started by the lobby")

Room.say({:room, "lobby"}, "hi all")
Room.say({:room, "lobby"}, "anyone here?")
Room.say({:room, "games"}, "chess tonight")
IO.inspect(Room.history({:room, "lobby"}), label: "lobby history")
IO.inspect(Room.history({:room, "games"}), label: "games history")

[{found, nil}] = Registry.lookup(Rooms, {:room, "lobby"})
IO.inspect(found == lobby, label: "lookup finds the lobby")
IO.inspect(GenServer.whereis(Room.via({:room, "lobby"})) == lobby, label: "GenServer.whereis")
IO.inspect(Registry.count(Rooms), label: "rooms")
IO.inspect(Registry.meta(Rooms, :purpose), label: "meta")

# A process can register itself too, with a value it may update later.
{:ok, _} = Registry.register(Rooms, :script, %{visits: 0})
bump = fn value -> %{value | visits: value.visits + 1} end
IO.inspect(Registry.update_value(Rooms, :script, bump), label: "update_value")
{:error, {:already_registered, owner}} = Registry.register(Rooms, :script, :again)
IO.inspect(owner == self(), label: "register twice: already registered by us")
all_keys = Registry.select(Rooms, [{{:"$1", :_, :_}, [], [:"$1"]}])
IO.inspect(Enum.sort(all_keys), label: "all keys")

# Calling a name nobody holds exits like calling a dead pid.
result =
  try do
    Room.history({:room, "attic"})
  catch
    :exit, {reason, {GenServer, :call, _}} -> {:exit, reason}
  end
IO.inspect(result, label: "call to a missing room")

# When a room stops, its name is freed (the registry notices the exit
# asynchronously, so we poll) and can be taken again.
:ok = GenServer.stop(Room.via({:room, "games"}))
free? = fn -> Registry.lookup(Rooms, {:room, "games"}) == [] end
freed = Enum.any?(1..500, fn _ -> free?.() or (Process.sleep(2); false) end)
IO.inspect(freed, label: "games freed")
{:ok, games2} = Room.start_link({:room, "games"})
IO.inspect(is_pid(games2) and Room.history({:room, "games"}) == [], label: "games restarted empty")
