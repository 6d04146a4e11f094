# Enum on a struct that does not implement Enumerable: the error says "(a struct)".
defmodule Point do
  defstruct x: 0, y: 0
end

defmodule Main do
  def run do
    try do
      Enum.count(%Point{x: 1, y: 2})
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end

    try do
      Enum.map(%Point{}, & &1)
    rescue
      e in Protocol.UndefinedError -> IO.inspect({e.protocol, e.value})
    end
  end
end

Main.run()
