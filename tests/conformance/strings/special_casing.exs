# Case mappings that change length (Unicode SpecialCasing): ligatures, ß, final sigma, dotted I.
IO.inspect(String.upcase("ﬁ ﬂ ﬀ"))
IO.inspect(String.upcase("ŉ ǰ"))
IO.inspect(String.capitalize("ﬁsh"))
IO.inspect(String.downcase("ΟΔΟΣ"))
IO.inspect(String.upcase("ß"))
IO.inspect(String.length(String.upcase("ﬁ")))
