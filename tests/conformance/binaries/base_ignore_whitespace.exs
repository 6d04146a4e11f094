# Base.decode64/decode16 with ignore: :whitespace.
IO.inspect(Base.decode64("aGVs bG8=", ignore: :whitespace))
IO.inspect(Base.decode64("aGVs\nbG8=\n", ignore: :whitespace))
IO.inspect(Base.decode16("68 65\n6C", ignore: :whitespace))
