# Logger, as scripts use it: the level switch (`Logger.configure(level: _)`), the logging
# functions (macros in Elixir, functions here: `require Logger` is accepted and does
# nothing), and the reports OTP's behaviours print when a process crashes.
#
# Messages go to stderr as "\n[level] message\n". Elixir's console backend writes them to
# stdout with a timestamp; Beamlet keeps stdout for the program's own output (LANGUAGE.md:
# "the report is never on stdout").

defmodule Logger do
  @levels [:debug, :info, :notice, :warning, :error, :critical, :alert, :emergency]

  def configure(options) do
    case Keyword.fetch(options, :level) do
      {:ok, level} ->
        :beamlet.set_log_level(level)
        # `Logger.level/0` answers `:all` as given, `:warn` as `:warning`.
        :application.set_env(:logger, :level, if(level == :warn, do: :warning, else: level))

      :error ->
        :ok
    end

    :ok
  end

  def level() do
    case :application.get_env(:logger, :level) do
      {:ok, level} -> level
      :undefined -> :beamlet.log_level()
    end
  end

  # Logging per process: `Logger.disable/1` turns it off for the calling process.
  def enabled?(pid) when pid == self(), do: Process.get(:"$logger_disabled") != true
  def enabled?(_pid), do: true

  def enable(pid) when pid == self() do
    Process.delete(:"$logger_disabled")
    :ok
  end

  def disable(pid) when pid == self() do
    Process.put(:"$logger_disabled", true)
    :ok
  end

  def compare_levels(left, right) do
    {l, r} = {index(normalize(left)), index(normalize(right))}

    cond do
      l == r -> :eq
      l > r -> :gt
      true -> :lt
    end
  end

  # Metadata is a map in the process dictionary (Elixir keeps it in `:logger`'s).
  def metadata(), do: Map.to_list(Process.get(:"$logger_metadata", %{}))

  def metadata(keyword) do
    merged =
      Enum.reduce(keyword, Process.get(:"$logger_metadata", %{}), fn
        {key, nil}, acc -> Map.delete(acc, key)
        {key, value}, acc -> Map.put(acc, key, value)
      end)

    Process.put(:"$logger_metadata", merged)
    :ok
  end

  def reset_metadata(keyword \\ []) do
    Process.put(:"$logger_metadata", %{})
    metadata(keyword)
  end

  def debug(message, metadata \\ []), do: log(:debug, message, metadata)
  def info(message, metadata \\ []), do: log(:info, message, metadata)
  def notice(message, metadata \\ []), do: log(:notice, message, metadata)
  def warning(message, metadata \\ []), do: log(:warning, message, metadata)
  def warn(message, metadata \\ []), do: log(:warning, message, metadata)
  def error(message, metadata \\ []), do: log(:error, message, metadata)
  def critical(message, metadata \\ []), do: log(:critical, message, metadata)
  def alert(message, metadata \\ []), do: log(:alert, message, metadata)
  def emergency(message, metadata \\ []), do: log(:emergency, message, metadata)

  def log(level, message, _metadata \\ []) do
    level = normalize(level)

    if __enabled__(level) and enabled?(self()) do
      text =
        case message do
          fun when is_function(fun, 0) ->
            case fun.() do
              {text, _metadata} -> text
              text -> text
            end

          text ->
            text
        end

      __log__(level, IO.chardata_to_string(text))
    end

    :ok
  end

  defp normalize(:warn), do: :warning
  defp normalize(:all), do: :debug
  defp normalize(level) when level in @levels, do: level

  defp normalize(level),
    do: raise(ArgumentError, "invalid level for Logger: #{inspect(level)}")

  defp index(level), do: Enum.find_index(@levels, &(&1 == level))

  @doc false
  def __enabled__(level) do
    case :beamlet.log_level() do
      :none -> false
      min -> index(level) >= index(min)
    end
  end

  @doc false
  def __log__(level, text) do
    IO.write(:stderr, "\n[#{level}] #{text}\n")
  end

  # How Elixir's Logger.Translator shows an exit reason: an exception with its stack
  # trace, or "** (stop) " and `Exception.format_exit/1`.
  @doc false
  def __format_reason__({maybe_exception, [_ | _] = stack} = reason) do
    if Enum.all?(stack, &stack_entry?/1) do
      case maybe_exception do
        %{__exception__: true} ->
          {"\n" <> Exception.format_banner(:error, maybe_exception, stack) <> format_stack(stack),
           {maybe_exception, stack}}

        _ ->
          case Exception.normalize(:error, maybe_exception, stack) do
            %ErlangError{} ->
              {format_stop(maybe_exception) <> format_stack(stack), {maybe_exception, stack}}

            exception ->
              {"\n" <> Exception.format_banner(:error, exception, stack) <> format_stack(stack),
               {exception, stack}}
          end
      end
    else
      {format_stop(reason), {reason, []}}
    end
  end

  def __format_reason__(reason), do: {format_stop(reason), {reason, []}}

  defp stack_entry?({_, _, _, _}), do: true
  defp stack_entry?(_), do: false

  defp format_stop(reason), do: "\n** (stop) " <> Exception.format_exit(reason)

  defp format_stack(stack) do
    Enum.map_join(stack, "", &("\n    " <> Exception.format_stacktrace_entry(&1)))
  end
end
