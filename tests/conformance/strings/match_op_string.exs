# The =~ operator with a string on the right-hand side (substring test, no regex).
IO.inspect("abc" =~ "b")
IO.inspect("abc" =~ "")
IO.inspect("abc" =~ "d")
IO.inspect("héllo" =~ "él")
IO.inspect(if "needle in haystack" =~ "needle", do: :found, else: :missing)
