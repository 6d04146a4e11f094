defmodule IO do
  def puts(device \\ :stdio, item) do
    :beamlet.put_chars(device, [to_chardata(item), ?\n])
  end

  def write(device \\ :stdio, item) do
    :beamlet.put_chars(device, to_chardata(item))
  end

  def inspect(item, opts \\ []) do
    inspect(:stdio, item, opts)
  end

  def inspect(device, item, opts) when is_list(opts) do
    label =
      case :lists.keyfind(:label, 1, opts) do
        {:label, l} -> [to_chardata(l), ": "]
        false -> []
      end

    :beamlet.put_chars(device, [label, Inspect.__inspect__(item, [pretty: true] ++ opts), ?\n])
    item
  end

  # Reading: standard input is in binary mode, as Elixir sets it up, so lines come back as
  # binaries, and `:eof` at the end of input.
  def gets(device \\ :stdio, prompt), do: :io.get_line(map_dev(device), to_chardata(prompt))

  def read(device \\ :stdio, line_or_chars)

  def read(device, :all) do
    case read(device, :eof) do
      :eof -> ""
      data -> data
    end
  end

  def read(device, :eof), do: getn(device, "", :eof)
  def read(device, :line), do: :io.get_line(map_dev(device), "")

  def read(device, count) when is_integer(count) and count >= 0 do
    :io.get_chars(map_dev(device), "", count)
  end

  def binread(device \\ :stdio, line_or_chars)

  def binread(device, :all) do
    case binread(device, :eof) do
      :eof -> ""
      data -> data
    end
  end

  def binread(device, :eof), do: getn(device, "", :eof)
  def binread(device, :line), do: :io.get_line(map_dev(device), "")

  def binread(device, count) when is_integer(count) and count >= 0 do
    :io.get_chars(map_dev(device), "", count)
  end

  def getn(prompt), do: getn(prompt, 1)

  def getn(prompt, :eof), do: getn(:stdio, prompt, :eof)
  def getn(prompt, count) when is_integer(count) and count > 0, do: getn(:stdio, prompt, count)
  def getn(device, prompt) when not is_integer(prompt), do: getn(device, prompt, 1)

  def getn(device, prompt, :eof), do: getn_eof(map_dev(device), to_chardata(prompt), [])

  def getn(device, prompt, count) when is_integer(count) and count > 0 do
    :io.get_chars(map_dev(device), to_chardata(prompt), count)
  end

  defp getn_eof(device, prompt, acc) do
    case :io.get_line(device, prompt) do
      line when is_binary(line) or is_list(line) -> getn_eof(device, "", [line | acc])
      :eof -> wrap_eof(:lists.reverse(acc))
      other -> other
    end
  end

  defp wrap_eof([h | _] = acc) when is_binary(h), do: :erlang.iolist_to_binary(acc)
  defp wrap_eof([h | _] = acc) when is_list(h), do: :lists.flatten(acc)
  defp wrap_eof([]), do: :eof

  defp map_dev(:stdio), do: :standard_io
  defp map_dev(:stderr), do: :standard_error
  defp map_dev(other) when is_atom(other) or is_pid(other) or is_tuple(other), do: other

  def iodata_to_binary(iodata), do: :erlang.iolist_to_binary(iodata)

  def iodata_length(iodata), do: :erlang.iolist_size(iodata)

  def chardata_to_string(string) when is_binary(string), do: string
  def chardata_to_string(list) when is_list(list), do: List.to_string(list)

  def binwrite(device \\ :stdio, iodata), do: :beamlet.put_chars(device, iodata)

  def warn(message) do
    :beamlet.put_chars(:standard_error, ["warning: ", to_chardata(message), ?\n])
    :ok
  end

  defp to_chardata(x) when is_binary(x), do: x
  defp to_chardata(x) when is_list(x), do: x
  defp to_chardata(x), do: String.Chars.to_string(x)
end
