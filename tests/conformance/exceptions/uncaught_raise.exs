# An uncaught raise at top level: stderr gets the report, status is 1,
# and everything printed before it is on stdout.
IO.puts("before the crash")
IO.inspect([1, 2, 3])
raise "boom"
IO.puts("never printed")
