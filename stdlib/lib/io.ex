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
