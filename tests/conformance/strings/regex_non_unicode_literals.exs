# Without the u modifier PCRE reads the pattern and the subject as bytes: a non-ASCII
# character in the pattern is its UTF-8 bytes.
IO.inspect(Regex.run(~r/é/, "café"))
IO.inspect(Regex.run(~r/é/, "café", return: :index))
IO.inspect(Regex.scan(~r/[é]/, "é"))
IO.inspect(Regex.scan(~r/é+/, "éé"))
IO.inspect(Regex.match?(~r/^caf.$/, "café"))
IO.inspect(Regex.match?(~r/^caf..$/, "café"))
IO.inspect(Regex.match?(~r/^caf.$/u, "café"))
IO.inspect(String.replace("café crème", ~r/[éè]/, "e"))
IO.inspect(String.replace("café crème", ~r/[éè]/u, "e"))
IO.inspect(Regex.split(~r/ü/, "aübüc"))
IO.inspect(Regex.scan(~r/\é/, "é"))
IO.inspect(Regex.run(~r/(ä)(ö)?/, "äö"))
