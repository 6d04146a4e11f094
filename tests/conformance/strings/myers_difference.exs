# String.myers_difference/2: the edit script between two strings.
IO.inspect(String.myers_difference("abc", "adc"))
IO.inspect(String.myers_difference("", "abc"))
IO.inspect(String.myers_difference("same", "same"))
IO.inspect(String.myers_difference("kitten", "sitting"))
IO.inspect(String.myers_difference("héllo", "hello"))
