# System.halt with a status ends the script at once.
IO.puts("halting with 3")
System.halt(3)
IO.puts("never printed")
