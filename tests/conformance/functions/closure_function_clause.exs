# A closure that captures variables and matches no clause: the error names the closure's
# own arity and arguments (not the captured values).
defmodule M do
  def run do
    me = :me
    other = {1, 2}
    f = fn {:a, x} -> {x, me, other} end
    g = fn :x, y -> {y, me} end

    try do
      f.({:b, 1})
    rescue
      e ->
        IO.puts(Exception.message(e))
        IO.inspect(e.arity)
        {_m, _f, args, _} = hd(__STACKTRACE__)
        IO.inspect(args)
    end

    try do
      g.(:z, 2)
    rescue
      e ->
        IO.puts(Exception.message(e))
        {_m, _f, args, _} = hd(__STACKTRACE__)
        IO.inspect(args)
    end

    IO.inspect(f.({:a, 5}))
  end
end

M.run()
