# exit(:normal) in the script's top level ends it quietly with status 0.
IO.puts("before")
try do
  exit(:normal)
rescue
  _ -> IO.puts("not rescued")
end
IO.puts("never printed")
