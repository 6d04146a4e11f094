defmodule Module do
  def concat(left, right) when (is_binary(left) or is_atom(left)) and (is_binary(right) or is_atom(right)) do
    concat([left, right])
  end

  def concat(aliases) when is_list(aliases), do: :erlang.binary_to_atom(concat_start(aliases))

  def safe_concat(left, right), do: concat(left, right)
  def safe_concat(aliases) when is_list(aliases), do: concat(aliases)

  defp concat_start([h | t]) when is_atom(h) and h != nil, do: concat_start([:erlang.atom_to_binary(h) | t])
  defp concat_start(["Elixir." <> _ = h | t]), do: concat_acc(t, h)
  defp concat_start(["Elixir" = h | t]), do: concat_acc(t, h)
  defp concat_start(t), do: concat_acc(t, "Elixir")

  defp concat_acc([nil | t], acc), do: concat_acc(t, acc)
  defp concat_acc([h | t], acc) when is_atom(h), do: concat_acc(t, acc <> "." <> to_partial(:erlang.atom_to_binary(h)))
  defp concat_acc([h | t], acc) when is_binary(h), do: concat_acc(t, acc <> "." <> to_partial(h))
  defp concat_acc([], acc), do: acc

  defp to_partial("Elixir." <> arg), do: arg
  defp to_partial("." <> arg), do: to_partial(arg)
  defp to_partial(arg), do: arg

  def split(module) when is_atom(module), do: split(:erlang.atom_to_binary(module), module)
  def split(module) when is_binary(module), do: split(module, module)

  defp split("Elixir." <> name, _original), do: String.split(name, ".")

  defp split(_module, original) do
    raise ArgumentError, "expected an Elixir module, got: " <> inspect(original)
  end
end
