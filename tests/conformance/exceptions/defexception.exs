# defexception with a message field, with a custom message/1, and exception/1.
defmodule PlainError do
  defexception message: "plain default"
end

defmodule HttpError do
  defexception [:status, :url]

  @impl true
  def message(%HttpError{status: s, url: u}), do: "HTTP #{s} at #{u}"
end

defmodule WrappedError do
  defexception [:message, :value]

  @impl true
  def exception(value), do: %WrappedError{message: "wrapped #{inspect(value)}", value: value}
end

try do
  raise PlainError
rescue
  e in PlainError -> IO.puts(Exception.message(e))
end

try do
  raise PlainError, message: "custom text"
rescue
  e in PlainError -> IO.puts(Exception.message(e))
end

try do
  raise HttpError, status: 404, url: "/missing"
rescue
  e in HttpError ->
    IO.puts(Exception.message(e))
    IO.inspect(e.status)
end

try do
  raise WrappedError, {:some, :term}
rescue
  e in WrappedError -> IO.inspect({Exception.message(e), e.value})
end

# Struct literals cannot be expanded in the top-level code of the file that
# defines them, so these run inside a module.
defmodule Main do
  def run do
    IO.inspect(Exception.exception?(%PlainError{}))
    IO.inspect(Exception.exception?(%{}))
    IO.inspect(is_exception(%HttpError{}))
    IO.inspect(%HttpError{status: 500})
  end
end

Main.run()
