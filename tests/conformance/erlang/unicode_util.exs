# OTP 25's :unicode_util, which :string is built on: case and decomposition tables, whitespace,
# normalization of the first cluster, code points and clusters off chardata.
IO.inspect(for cp <- [?a, ?A, 0xDF, 0x1C5, 0x130, 0x3A3, 0x1F600], do: :unicode_util.get_case(cp))
IO.inspect(for cp <- [?a, 0xC5, 0x301, 0xFB01, 0xAC00, 0x2460, 0x1D400], do: :unicode_util.lookup(cp))
IO.inspect({:unicode_util.spec_version(), :unicode_util.whitespace(), :unicode_util.is_whitespace(0x2028)})
IO.inspect({:unicode_util.nfd('Å'), :unicode_util.nfc([?A, 0x30A]), :unicode_util.nfkd("ﬁx"), :unicode_util.nfkc([0x1100, 0x1161])})
IO.inspect({:unicode_util.uppercase("ßa"), :unicode_util.casefold('ẞ'), :unicode_util.titlecase([0x1C6 | "x"])})
IO.inspect({:unicode_util.gc([[], ["e", [0x301]], "x"]), :unicode_util.cp([[], [[?a, ?b], "c"]])})
