# String.pad_leading/pad_trailing with a list of padding graphemes.
IO.inspect(String.pad_leading("x", 5, ["a", "b"]))
IO.inspect(String.pad_trailing("x", 4, ["1", "2", "3"]))
IO.inspect(String.pad_leading("abc", 2, ["-"]))
