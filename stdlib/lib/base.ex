defmodule Base do
  @b64 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  @b64url "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
  @b32 "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
  @b32hex "0123456789ABCDEFGHIJKLMNOPQRSTUV"
  @b16 "0123456789ABCDEF"

  # ----- base 16 ----------------------------------------------------------------------

  def encode16(data, opts \\ []) when is_binary(data) do
    alphabet = apply_case(@b16, Keyword.get(opts, :case, :upper))
    encode_bits(data, 4, alphabet, 1, false)
  end

  def decode16(string, opts \\ []) when is_binary(string) do
    case decode16_result(string, opts) do
      {:ok, _} = ok -> ok
      {:error, _} -> :error
    end
  end

  def decode16!(string, opts \\ []) when is_binary(string) do
    case decode16_result(string, opts) do
      {:ok, data} -> data
      {:error, message} -> raise ArgumentError, message
    end
  end

  defp decode16_result(string, opts) do
    if rem(byte_size(string), 2) == 1 do
      {:error,
       "string given to decode has wrong length. An even number of bytes was expected, got: " <>
         Integer.to_string(byte_size(string)) <>
         ". Double check your string for unwanted characters or pad it accordingly"}
    else
      case decode_values(string, hex_decoder(Keyword.get(opts, :case, :upper)), []) do
        {:ok, values} -> {:ok, :erlang.list_to_binary(pair_values(values))}
        error -> error
      end
    end
  end

  defp pair_values([]), do: []
  defp pair_values([a, b | rest]), do: [a * 16 + b | pair_values(rest)]

  defp hex_decoder(kase) do
    fn
      c when c >= ?0 and c <= ?9 -> c - ?0
      c when c >= ?A and c <= ?F and (kase == :upper or kase == :mixed) -> c - ?A + 10
      c when c >= ?a and c <= ?f and (kase == :lower or kase == :mixed) -> c - ?a + 10
      _ -> nil
    end
  end

  # ----- base 64 ----------------------------------------------------------------------

  def encode64(data, opts \\ []) when is_binary(data) do
    encode_bits(data, 6, @b64, 4, Keyword.get(opts, :padding, true))
  end

  def url_encode64(data, opts \\ []) when is_binary(data) do
    encode_bits(data, 6, @b64url, 4, Keyword.get(opts, :padding, true))
  end

  def decode64(string, opts \\ []) when is_binary(string) do
    ok_or_error(decode_groups(remove_ignored(string, Keyword.get(opts, :ignore)), @b64, 6, 4, opts))
  end

  def decode64!(string, opts \\ []) when is_binary(string) do
    ok_or_raise(decode_groups(remove_ignored(string, Keyword.get(opts, :ignore)), @b64, 6, 4, opts))
  end

  def url_decode64(string, opts \\ []) when is_binary(string) do
    ok_or_error(decode_groups(remove_ignored(string, Keyword.get(opts, :ignore)), @b64url, 6, 4, opts))
  end

  def url_decode64!(string, opts \\ []) when is_binary(string) do
    ok_or_raise(decode_groups(remove_ignored(string, Keyword.get(opts, :ignore)), @b64url, 6, 4, opts))
  end

  # `ignore: :whitespace`: spaces, tabs, carriage returns and newlines are dropped first.
  defp remove_ignored(string, nil), do: string

  defp remove_ignored(string, :whitespace) do
    for <<c <- string>>, c not in [?\s, ?\t, ?\r, ?\n], into: "", do: <<c>>
  end

  # ----- base 32 ----------------------------------------------------------------------

  def encode32(data, opts \\ []) when is_binary(data) do
    alphabet = apply_case(@b32, Keyword.get(opts, :case, :upper))
    encode_bits(data, 5, alphabet, 8, Keyword.get(opts, :padding, true))
  end

  def hex_encode32(data, opts \\ []) when is_binary(data) do
    alphabet = apply_case(@b32hex, Keyword.get(opts, :case, :upper))
    encode_bits(data, 5, alphabet, 8, Keyword.get(opts, :padding, true))
  end

  def decode32(string, opts \\ []) when is_binary(string) do
    ok_or_error(decode_groups(string, case_alphabet(@b32, opts), 5, 8, opts))
  end

  def decode32!(string, opts \\ []) when is_binary(string) do
    ok_or_raise(decode_groups(string, case_alphabet(@b32, opts), 5, 8, opts))
  end

  def hex_decode32(string, opts \\ []) when is_binary(string) do
    ok_or_error(decode_groups(string, case_alphabet(@b32hex, opts), 5, 8, opts))
  end

  def hex_decode32!(string, opts \\ []) when is_binary(string) do
    ok_or_raise(decode_groups(string, case_alphabet(@b32hex, opts), 5, 8, opts))
  end

  # ----- the machinery ----------------------------------------------------------------

  defp apply_case(alphabet, :upper), do: alphabet
  defp apply_case(alphabet, :lower), do: String.downcase(alphabet)

  defp case_alphabet(alphabet, opts) do
    case Keyword.get(opts, :case, :upper) do
      :lower -> String.downcase(alphabet)
      :mixed -> {:mixed, alphabet}
      _ -> alphabet
    end
  end

  defp ok_or_error({:ok, _} = ok), do: ok
  defp ok_or_error({:error, _}), do: :error

  defp ok_or_raise({:ok, data}), do: data
  defp ok_or_raise({:error, message}), do: raise(ArgumentError, message)

  # `width` bits a character, the output padded with "=" to a multiple of `group`.
  defp encode_bits(data, width, alphabet, group, pad?) do
    chars = encode_chars(data, width, alphabet, [])
    count = length(chars)
    padding = if pad? and rem(count, group) != 0, do: group - rem(count, group), else: 0
    :erlang.list_to_binary(:lists.reverse(chars, :lists.duplicate(padding, ?=)))
  end

  defp encode_chars(<<>>, _width, _alphabet, acc), do: acc

  defp encode_chars(bits, width, alphabet, acc) do
    case bits do
      <<v::size(width), rest::bits>> ->
        encode_chars(rest, width, alphabet, [:binary.at(alphabet, v) | acc])

      _ ->
        size = bit_size(bits)
        <<v::size(size)>> = bits
        [:binary.at(alphabet, :erlang.bsl(v, width - size)) | acc]
    end
  end

  defp decoder({:mixed, alphabet}) do
    upper = decoder(alphabet)
    lower = decoder(String.downcase(alphabet))

    fn c ->
      case upper.(c) do
        nil -> lower.(c)
        v -> v
      end
    end
  end

  defp decoder(alphabet) do
    map = :maps.from_list(Enum.with_index(:erlang.binary_to_list(alphabet)))

    fn c ->
      case map do
        %{^c => v} -> v
        _ -> nil
      end
    end
  end

  defp decode_values(<<>>, _dec, acc), do: {:ok, :lists.reverse(acc)}

  defp decode_values(<<c, rest::binary>>, dec, acc) do
    case dec.(c) do
      nil -> {:error, non_alphabet(c)}
      v -> decode_values(rest, dec, [v | acc])
    end
  end

  defp non_alphabet(c) do
    "non-alphabet character found: " <> inspect(<<c>>, binaries: :as_strings) <> " (byte " <> Integer.to_string(c) <> ")"
  end

  # Base 64 and 32: groups of `group` characters of `width` bits; the last group may be
  # padded with "=" (required unless `padding: false`).
  defp decode_groups(string, alphabet, width, group, opts) do
    pad? = Keyword.get(opts, :padding, true)
    size = byte_size(string)

    if size == 0 do
      {:ok, ""}
    else
      body_size = (div(size + group - 1, group) - 1) * group
      <<body::binary-size(body_size), last::binary>> = string
      dec = decoder(alphabet)

      case decode_values(body, dec, []) do
        {:ok, values} ->
          case last_group(last, group, pad?) do
            {:ok, chars} ->
              case decode_values(chars, dec, []) do
                {:ok, tail} -> {:ok, groups_to_binary(values ++ tail, width, group)}
                error -> error
              end

            :error ->
              {:error, "incorrect padding"}
          end

        error ->
          error
      end
    end
  end

  # The characters of the last group without its padding, if the padding is right.
  defp last_group(last, group, pad?) do
    size = byte_size(last)
    unpadded = String.trim_trailing(last, "=")
    chars = byte_size(unpadded)

    cond do
      not valid_tail?(chars, group) -> :error
      size == group -> {:ok, unpadded}
      not pad? and chars == size -> {:ok, unpadded}
      true -> :error
    end
  end

  defp valid_tail?(chars, 4), do: chars in [2, 3, 4]
  defp valid_tail?(chars, 8), do: chars in [2, 4, 5, 7, 8]

  defp groups_to_binary(values, width, group) do
    :erlang.list_to_binary(groups(values, width, group))
  end

  defp groups([], _width, _group), do: []

  defp groups(values, width, group) do
    {chunk, rest} = Enum.split(values, group)
    k = length(chunk)
    v = Enum.reduce(chunk, 0, fn x, acc -> :erlang.bor(:erlang.bsl(acc, width), x) end)
    v = :erlang.bsl(v, width * (group - k))
    bytes = div(width * group, 8)
    full = <<v::size(bytes)-unit(8)>>
    [:erlang.binary_part(full, 0, div(k * width, 8)) | groups(rest, width, group)]
  end
end
