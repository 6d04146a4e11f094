# The ArgumentError of a failing :io.format: OTP 25 explains it with the format checker
# (invalid or truncated directives, argument count, argument types) or says formatting
# failed.
cases = [
  {"~d~n", [1]}, {"~", []}, {"~5", [1]}, {"~tq", [1]}, {"~lq", [1]}, {"~tl", [1]}, {"~.", []},
  {"~-", []}, {"~p~p", [1]}, {"~f", [1]}, {"~f ~s ~c", [1, {1}, :a]}, {"~s", [[1000]]},
  {"~.0f", [1.5]}, {"~w", 1}, {"~w", [1 | 2]}, {:abc, [1]}, {{1}, [1]}, {{1}, :x}, {"~W", [1, :a]},
  {"~x", [1, 2]}, {"~k", [1]}, {"~b", [:a]}, {"~i", []}, {"~-5p", [1]}, {"~..s", ["x"]},
  {"~e", [1]}, {"~s", [[:a]]}, {"~ts", [{}]}
]

for {f, a} <- cases do
  try do
    :io.format(f, a)
  rescue
    e -> IO.puts("#{inspect(f)} #{inspect(a)}: " <> Exception.message(e))
  end
end

for {dev, f, a} <- [{:stdio, "~p", [1]}, {:standard_io, "~d", [1]}, {:standard_io, "~p", []}] do
  try do
    :io.format(dev, f, a)
  rescue
    e -> IO.puts("#{inspect(dev)} #{inspect(f)}: " <> Exception.message(e))
  end
end

try do
  :io.format("~p")
rescue
  e -> IO.puts("one argument: " <> Exception.message(e))
end

try do
  :io_lib.format("~p", [])
rescue
  e -> IO.puts("io_lib: " <> Exception.message(e))
end
