# Unicode normalization: String.normalize/2 (:nfc :nfd :nfkc :nfkd) and String.equivalent?/2.
IO.inspect(String.equivalent?("e\u0301", "é"))
IO.inspect(String.equivalent?("Å", "A\u030A"))
IO.inspect(String.normalize("e\u0301", :nfc) == "é")
IO.inspect(String.normalize("é", :nfd) |> String.codepoints())
IO.inspect(String.normalize("ﬁ", :nfkc))
IO.inspect(String.normalize("①", :nfkd))
IO.inspect(byte_size(String.normalize("Å", :nfd)))
