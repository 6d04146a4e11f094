# :io.fwrite, :io.put_chars and :io.nl.
:io.fwrite("fwrite ~w~n", [:ok])
:io.fwrite("no args~n")
:io.put_chars("put_chars\n")
:io.put_chars(["iolist ", "put_chars", ?\n])
:io.nl()
IO.puts("end")
