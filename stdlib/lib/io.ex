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

    :beamlet.put_chars(device, [label, :beamlet.inspect(item, [pretty: true] ++ opts), ?\n])
    item
  end

  def iodata_to_binary(iodata), do: :erlang.iolist_to_binary(iodata)

  defp to_chardata(x) when is_binary(x), do: x
  defp to_chardata(x) when is_list(x), do: x
  defp to_chardata(x), do: String.Chars.to_string(x)
end
