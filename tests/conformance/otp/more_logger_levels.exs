# Logger levels without printing logs: Logger.level/0 after Logger.configure(level: ...)
# for each level (and the :warn alias), Logger.compare_levels/2, metadata in the
# process dictionary (Logger.metadata/0,1, reset with nil), and that logging calls
# below the level return :ok and print nothing to stdout.
Logger.configure(level: :none)

defmodule Main do
  require Logger

  def run do
    IO.inspect(Logger.level(), label: "level after :none")
    for l <- [:debug, :info, :notice, :warning, :error, :critical, :alert, :emergency] do
      Logger.configure(level: l)
      IO.inspect(Logger.level(), label: "configured #{l}")
    end
    Logger.configure(level: :warn)
    IO.inspect(Logger.level(), label: "configured :warn")
    Logger.configure(level: :all)
    IO.inspect(Logger.level(), label: "configured :all")
    Logger.configure(level: :none)

    pairs = for a <- [:debug, :info, :warning, :error], b <- [:debug, :error], do: {a, b, Logger.compare_levels(a, b)}
    for p <- pairs, do: IO.inspect(p)
    IO.inspect(Logger.compare_levels(:warn, :warning), label: "warn vs warning")
    IO.inspect(Logger.compare_levels(:notice, :info), label: "notice vs info")
    IO.inspect(Logger.compare_levels(:emergency, :alert), label: "emergency vs alert")

    IO.inspect(Logger.metadata(), label: "metadata empty")
    IO.inspect(Logger.metadata(request_id: "abc", user: 7), label: "metadata/1 returns")
    IO.inspect(Logger.metadata() |> Enum.sort(), label: "metadata set")
    Logger.metadata(user: nil)
    IO.inspect(Logger.metadata(), label: "user removed with nil")
    Logger.reset_metadata()
    IO.inspect(Logger.metadata(), label: "after reset_metadata")
    task = Task.async(fn -> Logger.metadata() end)
    Logger.metadata(mine: true)
    IO.inspect(Task.await(task), label: "metadata is per process")

    IO.inspect(Logger.info("not shown"), label: "info at :none")
    IO.inspect(Logger.error("not shown either"), label: "error at :none")
    IO.inspect(Logger.debug(fn -> raise "never evaluated" end), label: "lazy debug")
    IO.inspect(Logger.enabled?(self()), label: "enabled?")
  end
end

Main.run()
