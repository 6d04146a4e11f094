# Application environment of a made-up application: put_env/get_env/fetch_env/
# fetch_env!/get_all_env/delete_env, defaults, and the errors of fetch_env!.
Logger.configure(level: :none)

defmodule Main do
  def run do
    IO.inspect(Application.get_env(:my_app, :port), label: "unset")
    IO.inspect(Application.get_env(:my_app, :port, 4000), label: "unset with default")
    IO.inspect(Application.fetch_env(:my_app, :port), label: "fetch_env unset")
    IO.inspect(Application.get_all_env(:my_app), label: "get_all_env empty")

    IO.inspect(Application.put_env(:my_app, :port, 8080), label: "put_env")
    Application.put_env(:my_app, :host, "localhost")
    Application.put_env(:my_app, :opts, debug: true, level: 2)
    Application.put_env(:my_app, :nothing, nil)
    IO.inspect(Application.get_env(:my_app, :port, 4000), label: "get_env")
    IO.inspect(Application.fetch_env(:my_app, :host), label: "fetch_env")
    IO.inspect(Application.fetch_env!(:my_app, :opts), label: "fetch_env!")
    IO.inspect(Application.get_env(:my_app, :nothing, :default), label: "nil value beats default")
    IO.inspect(Application.fetch_env(:my_app, :nothing), label: "fetch nil value")
    IO.inspect(Application.get_all_env(:my_app) |> Enum.sort(), label: "get_all_env")

    Application.put_env(:my_app, :port, 9090)
    IO.inspect(Application.get_env(:my_app, :port), label: "overwritten")
    IO.inspect(Application.delete_env(:my_app, :port), label: "delete_env")
    IO.inspect(Application.delete_env(:my_app, :port), label: "delete_env again")
    IO.inspect(Application.get_env(:my_app, :port, :gone), label: "after delete")

    try do
      Application.fetch_env!(:my_app, :port)
    rescue
      e in ArgumentError -> IO.puts("fetch_env! missing key: " <> Exception.message(e))
    end
    try do
      Application.fetch_env!(:elixir, :no_such_key)
    rescue
      e in ArgumentError -> IO.puts("loaded app: " <> Exception.message(e))
    end
    try do
      Application.fetch_env!(:other_app, :key)
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: " <> Exception.message(e))
    end

    parent = self()
    spawn(fn -> Application.put_env(:my_app, :from_other, :visible); send(parent, :done) end)
    receive do: (:done -> :ok)
    IO.inspect(Application.get_env(:my_app, :from_other), label: "set by another process")

    Application.put_all_env(my_app: [a: 1, b: 2], your_app: [c: 3])
    IO.inspect(Application.get_env(:my_app, :a), label: "put_all_env")
    IO.inspect(Application.get_all_env(:your_app), label: "your_app")
    IO.inspect(Application.get_all_env(:my_app) |> Keyword.keys() |> Enum.sort(), label: "keys")
    IO.inspect(Application.get_env(:elixir, :no_such_key), label: "elixir app unknown key")
  end
end

Main.run()
