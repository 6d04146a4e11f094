# An uncaught custom exception.
defmodule ValidationError do
  defexception [:field]
  @impl true
  def message(e), do: "invalid field: #{e.field}"
end

IO.puts("validating")
raise ValidationError, field: :email
