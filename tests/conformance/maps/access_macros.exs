# put_in/update_in/get_and_update_in/pop_in with paths written as data.field[key].
defmodule Cfg do
  defstruct db: %{host: "localhost", port: 5432}, name: "app"
end

defmodule Main do
  def run do
    c = %Cfg{}
    IO.inspect(put_in(c.db.port, 6543))
    IO.inspect(update_in(c.db[:port], &(&1 + 1)))
    m = %{"s" => %{x: 1}, a: %{b: [1, 2]}}
    IO.inspect(put_in(m[:a][:b], :replaced))
    IO.inspect(update_in(m["s"].x, fn x -> x * 10 end))
    IO.inspect(get_and_update_in(m[:a][:b], fn v -> {v, length(v)} end))
    IO.inspect(pop_in(m[:a][:b]))

    try do
      put_in(c.nope.x, 1)
    rescue
      e in KeyError -> IO.puts("KeyError: " <> Exception.message(e))
    end
  end
end

Main.run()
