# Default values are evaluated at compile time; unknown keys are errors; enforce_keys.
defmodule Settings do
  @default_port 4000
  defstruct host: "localhost", port: @default_port, opts: [retries: 3]
end

defmodule Strict do
  @enforce_keys [:id]
  defstruct [:id, note: ""]
end

# Structs cannot be expanded in the file's top-level code that defines them,
# so the checks run inside a module defined after them.
defmodule Main do
  def run do
    IO.inspect(%Settings{})
    IO.inspect(%Settings{port: 80}.port)
    IO.inspect(%Settings{}.opts[:retries])
    IO.inspect(%Strict{id: 7})

    try do
      struct!(Settings, nope: 1)
    rescue
      e in KeyError -> IO.puts("KeyError: " <> Exception.message(e))
    end

    try do
      struct!(Strict, note: "missing id")
    rescue
      e in ArgumentError -> IO.puts("ArgumentError: " <> Exception.message(e))
    end

    c = %Settings{}

    try do
      %{c | nope: 1}
    rescue
      e in KeyError -> IO.puts("update: " <> Exception.message(e))
    end
  end
end

Main.run()
