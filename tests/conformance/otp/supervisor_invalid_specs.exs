# Invalid child specifications and supervisor options: which ones raise ArgumentError
# (in the caller, before any process starts) and which ones make start_link return
# {:error, {:start_spec, _}} or {:error, {:supervisor_data, _}}.
Logger.configure(level: :none)

defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end

defmodule NoSpec do
  def start_link(_), do: :ignore
end

defmodule Main do
  def try_start(label, children, opts) do
    result =
      try do
        case Supervisor.start_link(children, opts) do
          {:ok, pid} ->
            :ok = Supervisor.stop(pid)
            {:ok, is_pid(pid)}
          other -> other
        end
      rescue
        e -> {inspect(e.__struct__), Exception.message(e)}
      end
    IO.inspect(result, label: label)
  end

  def run do
    Process.flag(:trap_exit, true)
    ok = [strategy: :one_for_one]
    try_start("module that does not exist", [:not_a_module_xx], ok)
    try_start("not a spec", [42], ok)
    try_start("missing start", [%{id: :a}], ok)
    try_start("missing id", [%{start: {W, :start_link, [1]}}], ok)
    w = {W, :start_link, [1]}
    try_start("bad restart", [%{id: :a, start: w, restart: :sometimes}], ok)
    try_start("bad shutdown", [%{id: :a, start: w, shutdown: -1}], ok)
    try_start("bad start", [%{id: :a, start: :bad}], ok)
    try_start("bad type", [%{id: :a, start: w, type: :thing}], ok)
    try_start("bad modules", [%{id: :a, start: w, modules: :nope}], ok)
    try_start("extra key", [%{id: :a, start: w, extra: 1}], ok)
    try_start("duplicate id", [{W, 1}, {W, 2}], ok)
    try_start("no strategy", [{W, 1}], [])
    try_start("bad strategy", [{W, 1}], strategy: :bogus)
    try_start("bad max_restarts", [{W, 1}], strategy: :one_for_one, max_restarts: -1)
    try_start("bad max_seconds", [{W, 1}], strategy: :one_for_one, max_seconds: 0)
    try_start("unknown option", [{W, 1}], strategy: :one_for_one, bogus: 1)
    try_start("no children", [], ok)

    for {label, spec, overrides} <- [
          {"override unknown key", {W, 1}, [bogus: 1]},
          {"override on a map without start", %{id: 1}, [restart: :temporary]}
        ] do
      r =
        try do
          Supervisor.child_spec(spec, overrides)
        rescue
          e -> {inspect(e.__struct__), Exception.message(e)}
        end
      IO.inspect(r, label: label)
    end

    try do
      Supervisor.start_link([{NoSpec, 1}], ok)
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
