# Pub/sub with a duplicate-keys Registry and Registry.dispatch/3.
#
# With `keys: :duplicate` many processes (or one process many times) can
# register under the same key. A topic is a key; subscribing is registering;
# publishing is dispatching a function over every {pid, value} under the key.
{:ok, _} = Registry.start_link(keys: :duplicate, name: MyRegistry, partitions: 2)

# Registering the current process twice under the same key, as in the docs.
{:ok, _} = Registry.register(MyRegistry, "hello", :world)
{:ok, _} = Registry.register(MyRegistry, "hello", :another)
values = for {pid, value} <- Registry.lookup(MyRegistry, "hello"), pid == self(), do: value
IO.inspect(Enum.sort(values), label: "values under \"hello\"")

:ok =
  Registry.dispatch(MyRegistry, "hello", fn entries ->
    for {pid, _} <- entries, do: send(pid, {:broadcast, "world"})
  end)

got = for _ <- 1..2, do: (receive do: ({:broadcast, msg} -> msg))
IO.inspect(got, label: "self received")
Registry.unregister(MyRegistry, "hello")
IO.inspect(Registry.lookup(MyRegistry, "hello"), label: "after unregister")

defmodule Subscriber do
  # Subscribes to some topics (the value is the subscriber's name), then
  # collects broadcasts until told to report them back.
  def start(name, topics, parent) do
    spawn(fn ->
      for t <- topics, do: {:ok, _} = Registry.register(MyRegistry, t, name)
      send(parent, {:subscribed, name})
      loop(name, [])
    end)
  end

  defp loop(name, seen) do
    receive do
      {:broadcast, topic, msg} -> loop(name, [{topic, msg} | seen])
      {:report, from} -> send(from, {:report, name, Enum.reverse(seen)})
    end
  end
end

defmodule PubSub do
  def publish(topic, msg) do
    Registry.dispatch(MyRegistry, topic, fn entries ->
      for {pid, _name} <- entries, do: send(pid, {:broadcast, topic, msg})
    end)
  end

  def subscribers(topic) do
    MyRegistry |> Registry.lookup(topic) |> Enum.map(&elem(&1, 1)) |> Enum.sort()
  end
end

parent = self()
subs = [
  Subscriber.start(:alice, ["news", "sports"], parent),
  Subscriber.start(:bob, ["news"], parent),
  Subscriber.start(:carol, ["sports", "weather"], parent)
]
for _ <- subs, do: (receive do: ({:subscribed, _} -> :ok))

IO.inspect(PubSub.subscribers("news"), label: "news subscribers")
IO.inspect(PubSub.subscribers("sports"), label: "sports subscribers")
IO.inspect(Registry.count(MyRegistry), label: "registrations")
IO.inspect(Registry.count_match(MyRegistry, "sports", :carol), label: "carol on sports")
IO.inspect(Enum.sort(Registry.keys(MyRegistry, hd(subs))), label: "alice's topics")

PubSub.publish("news", "elections today")
PubSub.publish("sports", "home team wins")
PubSub.publish("weather", "sunny")
PubSub.publish("gardening", "nobody listens")

# Messages from one sender arrive in order, so the reports are complete.
reports =
  for pid <- subs do
    send(pid, {:report, self()})
    receive do: ({:report, name, seen} -> {name, seen})
  end
Enum.each(reports, &IO.inspect/1)
