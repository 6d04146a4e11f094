defmodule System do
  def halt(status \\ 0)
  def halt(status) when is_integer(status) and status >= 0, do: :erlang.halt(status)
  def halt(:abort), do: :erlang.halt(:abort)

  def argv, do: :beamlet.argv()

  def get_env, do: :maps.from_list(:beamlet.environ())
  def get_env(name, default \\ nil) when is_binary(name), do: :beamlet.getenv(name) || default

  def fetch_env(name) when is_binary(name) do
    case :beamlet.getenv(name) do
      nil -> :error
      value -> {:ok, value}
    end
  end

  def fetch_env!(name) when is_binary(name) do
    case :beamlet.getenv(name) do
      nil -> raise System.EnvError, env: name
      value -> value
    end
  end

  def put_env(name, value) when is_binary(name) and is_binary(value), do: :beamlet.putenv(name, value)
  def put_env(enum), do: Enum.each(enum, fn {k, v} -> put_env(k, v) end)
  def delete_env(name) when is_binary(name), do: :beamlet.putenv(name, nil)

  def cwd do
    {:ok, dir} = :beamlet.cwd()
    dir
  end

  def cwd!, do: cwd()

  def version, do: "1.14.0"

  def os_time, do: :os.system_time()
  def os_time(unit), do: :os.system_time(normalize_time_unit(unit))

  def system_time, do: :erlang.system_time()
  def system_time(unit), do: :erlang.system_time(normalize_time_unit(unit))

  def unique_integer(modifiers \\ []), do: :erlang.unique_integer(modifiers)

  def schedulers_online, do: :erlang.system_info(:schedulers_online)
  def schedulers, do: :erlang.system_info(:schedulers)

  def monotonic_time, do: :erlang.monotonic_time()
  def monotonic_time(unit), do: :erlang.monotonic_time(normalize_time_unit(unit))

  def convert_time_unit(time, from_unit, to_unit) when is_integer(time) do
    from = units_per_second(normalize_time_unit(from_unit))
    to = units_per_second(normalize_time_unit(to_unit))

    if from <= to do
      time * div(to, from)
    else
      Integer.floor_div(time * to, from)
    end
  end

  defp units_per_second(:second), do: 1
  defp units_per_second(:millisecond), do: 1_000
  defp units_per_second(:microsecond), do: 1_000_000
  defp units_per_second(:nanosecond), do: 1_000_000_000
  # The VM's native unit is the nanosecond.
  defp units_per_second(:native), do: 1_000_000_000
  defp units_per_second(n) when is_integer(n) and n > 0, do: n

  defp normalize_time_unit(:native), do: :native
  defp normalize_time_unit(:second), do: :second
  defp normalize_time_unit(:millisecond), do: :millisecond
  defp normalize_time_unit(:microsecond), do: :microsecond
  defp normalize_time_unit(:nanosecond), do: :nanosecond
  defp normalize_time_unit(:seconds), do: :second
  defp normalize_time_unit(:milliseconds), do: :millisecond
  defp normalize_time_unit(:microseconds), do: :microsecond
  defp normalize_time_unit(:nanoseconds), do: :nanosecond
  defp normalize_time_unit(unit) when is_integer(unit) and unit > 0, do: unit

  defp normalize_time_unit(other) do
    raise ArgumentError,
          "unsupported time unit. Expected :second, :millisecond, :microsecond, :nanosecond, or a positive integer, got " <>
            inspect(other)
  end
end

defmodule System.EnvError do
  defexception [:env]

  def message(%{env: env}), do: "could not fetch environment variable " <> inspect(env) <> " because it is not set"
end

