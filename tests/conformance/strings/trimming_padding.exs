# trim/trim_leading/trim_trailing with and without characters; pad_leading/pad_trailing; duplicate.
IO.inspect(String.trim("\t\n  hi \r\n"))
IO.inspect(String.trim(""))
IO.inspect(String.trim("xxhixx", "x"))
IO.inspect(String.trim("abab hi abab", "ab"))
IO.inspect(String.trim_leading("   lead  "))
IO.inspect(String.trim_trailing("   trail  "))
IO.inspect(String.trim_leading("000123", "0"))
IO.inspect(String.trim_trailing("1.5000", "0"))
IO.inspect(String.trim_leading("ééa", "é"))
IO.inspect(String.trim("\u00A0nbsp\u00A0"))
IO.inspect(String.trim("\u2003em\u3000"))
IO.inspect(String.pad_leading("42", 6))
IO.inspect(String.pad_leading("42", 6, "0"))
IO.inspect(String.pad_leading("42", 7, "ab"))
IO.inspect(String.pad_leading("toolong", 3))
IO.inspect(String.pad_leading("", 3, "-"))
IO.inspect(String.pad_trailing("42", 6, "."))
IO.inspect(String.pad_trailing("42", 7, "xy"))
IO.inspect(String.pad_trailing("é", 3, "ü"))
IO.inspect(String.pad_leading("42", 0))
IO.inspect(String.duplicate("ab", 3))
IO.inspect(String.duplicate("ab", 0))
IO.inspect(String.duplicate("", 5))
IO.inspect(String.duplicate("-", 40))

try do
  String.pad_leading("x", -1)
rescue
  e -> IO.puts(inspect(e.__struct__))
end

try do
  String.pad_leading("x", 5, "")
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
