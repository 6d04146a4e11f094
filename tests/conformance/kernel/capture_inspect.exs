# Inspecting captures of imported Kernel functions that are BIFs shows the Erlang function.
IO.inspect(&abs/1)
IO.inspect(&length/1)
IO.inspect(&is_atom/1)
IO.inspect(&Kernel.abs/1)
IO.inspect(&elem/2)
IO.inspect(&+/2)
IO.inspect(&:erlang.abs/1)
IO.inspect(&String.length/1)
