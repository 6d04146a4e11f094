# Sigils for strings, word lists and charlists.
IO.inspect(~s(with "quotes" and #{1 + 1}))
IO.inspect(~S(raw #{1 + 1} \n))
IO.inspect(~w(alpha beta gamma))
IO.inspect(~w(alpha beta gamma)a)
IO.inspect(~w(alpha beta)c)
IO.inspect(~c(chars))
IO.inspect(~s[brackets])
IO.inspect(~s{braces})
IO.inspect(~s|pipes|)
IO.inspect(~s/slashes/)
IO.inspect(~s<angles>)
IO.inspect(~w[one  two
three])
