# Application configuration at run time.
#
# In a Mix project, `config :some_app, key1: "value1"` in config/config.exs
# fills the application environment before the app starts. A script has no
# config files, so it sets the same environment with Application.put_env/3
# (or put_all_env/1) and reads it back the way library code does.
Application.put_all_env(some_app: [key1: "value1", key2: "value2"])
Application.put_env(:some_app, :pool, size: 5, overflow: 2)

"value1" = Application.fetch_env!(:some_app, :key1)
IO.inspect(Application.fetch_env(:some_app, :key2), label: "fetch_env key2")
IO.inspect(Application.fetch_env(:some_app, :missing), label: "fetch_env missing")
IO.inspect(Application.get_env(:some_app, :missing, :a_default), label: "get_env with default")
IO.inspect(Application.get_env(:some_app, :pool)[:size], label: "pool size")

# fetch_env! raises with a message that names the app and the key.
try do
  Application.fetch_env!(:some_app, :secret_key)
rescue
  e in ArgumentError -> IO.puts("fetch_env! raised: " <> Exception.message(e))
end

# Reading configuration in one place keeps the rest of the code simple.
defmodule Pool do
  def config do
    defaults = [size: 1, overflow: 0, name: :pool]
    Keyword.merge(defaults, Application.get_env(:some_app, :pool, []))
  end
end

IO.inspect(Enum.sort(Pool.config()), label: "pool config")
Application.delete_env(:some_app, :pool)
IO.inspect(Pool.config(), label: "pool config after delete_env")

IO.inspect(Application.get_all_env(:some_app) |> Enum.sort(), label: "all env")
