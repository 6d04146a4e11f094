# ArgumentError messages of BIFs: OTP 25 explains which argument was wrong.
defmodule Try do
  def show(f) do
    try do
      f.()
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
  end

  def id(x), do: x
end

Try.show(fn -> hd(Try.id([])) end)
Try.show(fn -> tl(Try.id(:x)) end)
Try.show(fn -> length(Try.id([1 | 2])) end)
Try.show(fn -> elem(Try.id({1, 2}), 2) end)
Try.show(fn -> elem(Try.id(:no), 0) end)
Try.show(fn -> put_elem(Try.id({1}), 3, :x) end)
Try.show(fn -> tuple_size(Try.id([1])) end)
Try.show(fn -> map_size(Try.id([1])) end)
Try.show(fn -> byte_size(Try.id(1)) end)
Try.show(fn -> Atom.to_string(Try.id("a")) end)
Try.show(fn -> String.to_integer(Try.id("1.5")) end)
Try.show(fn -> String.to_float(Try.id("x")) end)
Try.show(fn -> Integer.to_string(Try.id(1.5)) end)
Try.show(fn -> List.to_tuple(Try.id(:x)) end)
Try.show(fn -> IO.iodata_to_binary(Try.id([:a])) end)
Try.show(fn -> String.to_existing_atom(Try.id("never_made_atom_qq")) end)
