# Hibernation of a GenServer: the hibernate_after: option (the idle server ends up in
# :erlang.hibernate/3 and still answers calls), {:ok, s, :hibernate} from init/1 and
# {:reply, r, s, :hibernate}, and the state surviving every hibernation.
Logger.configure(level: :none)

defmodule Sleepy do
  use GenServer

  def init({:hib, s}), do: {:ok, s, :hibernate}
  def init(s), do: {:ok, s}

  def handle_call(:get, _from, s), do: {:reply, s, s}
  def handle_call({:put_hib, v}, _from, s), do: {:reply, {:old, s}, v, :hibernate}
  def handle_cast({:add, n}, s), do: {:noreply, s + n}
  def handle_info(:bump, s), do: {:noreply, s + 100, :hibernate}
end

defmodule Main do
  def where(pid), do: Process.info(pid, :current_function)

  def run do
    {:ok, a} = GenServer.start_link(Sleepy, 1, hibernate_after: 30)
    IO.inspect(GenServer.call(a, :get), label: "call right away")
    Process.sleep(100)
    IO.inspect(where(a), label: "idle past hibernate_after")
    IO.inspect(GenServer.call(a, :get), label: "call wakes it")
    GenServer.cast(a, {:add, 2})
    IO.inspect(GenServer.call(a, :get), label: "after cast")
    Process.sleep(100)
    IO.inspect(where(a), label: "hibernated again")
    :sys.replace_state(a, &(&1 * 10))
    IO.inspect(:sys.get_state(a), label: "sys on a hibernating server")

    {:ok, b} = GenServer.start_link(Sleepy, {:hib, [:x]})
    Process.sleep(20)
    IO.inspect(where(b), label: "init returned :hibernate")
    IO.inspect(GenServer.call(b, :get), label: "state after init hibernate")
    Process.sleep(20)
    IO.inspect(where(b) == {:current_function, {:erlang, :hibernate, 3}}, label: "awake after call")

    {:ok, c} = GenServer.start_link(Sleepy, 5)
    IO.inspect(GenServer.call(c, {:put_hib, 6}), label: "reply with :hibernate")
    Process.sleep(20)
    IO.inspect(where(c), label: "after reply hibernate")
    send(c, :bump)
    Process.sleep(20)
    IO.inspect(where(c), label: "after handle_info hibernate")
    IO.inspect(GenServer.call(c, :get), label: "state kept")

    {:ok, d} = GenServer.start_link(Sleepy, 0, hibernate_after: 1000)
    Process.sleep(50)
    IO.inspect(where(d) == {:current_function, {:erlang, :hibernate, 3}}, label: "not yet hibernated")
    IO.inspect(Enum.map([a, b, c, d], &GenServer.stop/1), label: "stops")
  end
end

Main.run()
