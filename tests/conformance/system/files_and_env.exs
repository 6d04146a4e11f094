# File basics and System environment (in a scratch directory, removed at the end).
dir = "tmp_file_test"
IO.inspect(File.mkdir_p(dir))
IO.inspect(File.dir?(dir))
path = dir <> "/a.txt"
IO.inspect(File.write(path, "one\ntwo\nthree"))
IO.inspect(File.read(path))
IO.inspect(File.write(path, ["\n", "four", ?\n], [:append]))
IO.inspect(File.read!(path))
IO.inspect(File.exists?(path))
IO.inspect(File.regular?(path))
IO.inspect(File.regular?(dir))
IO.inspect(File.stream!(path) |> Enum.to_list())
IO.inspect(File.stream!(path) |> Stream.map(&String.trim/1) |> Enum.take(2))
IO.inspect(File.read!(path) |> String.split("\n", trim: true) |> length())
IO.inspect(File.touch(dir <> "/b.txt"))
IO.inspect(File.ls(dir) |> then(fn {:ok, l} -> {:ok, Enum.sort(l)} end))
IO.inspect(File.ls!(dir) |> length())
IO.inspect(File.read(dir <> "/missing.txt"))
IO.inspect(File.read(dir))
IO.inspect(File.mkdir(dir))
IO.inspect(File.rm(dir <> "/missing.txt"))
IO.inspect(File.rmdir(dir))
try do File.read!(dir <> "/missing.txt") rescue e -> IO.puts(Exception.message(e)) end
try do File.write!(dir <> "/no/such/dir.txt", "x") rescue e -> IO.puts(Exception.message(e)) end
try do File.ls!(dir <> "/nope") rescue e -> IO.puts(Exception.message(e)) end
try do File.rm!(dir <> "/nope") rescue e -> IO.puts(Exception.message(e)) end
IO.inspect(File.rm(path))
IO.inspect(File.rm(dir <> "/b.txt"))
IO.inspect(File.rmdir(dir))
IO.inspect(File.exists?(dir))
IO.inspect(System.get_env("BEAMLET_SURELY_UNSET"))
IO.inspect(System.get_env("BEAMLET_SURELY_UNSET", "dflt"))
IO.inspect(System.fetch_env("BEAMLET_SURELY_UNSET"))
System.put_env("BEAMLET_T", "v1")
IO.inspect(System.get_env("BEAMLET_T"))
IO.inspect(System.fetch_env!("BEAMLET_T"))
System.delete_env("BEAMLET_T")
IO.inspect(System.get_env("BEAMLET_T"))
IO.inspect(is_map(System.get_env()))
try do System.fetch_env!("BEAMLET_SURELY_UNSET") rescue e -> IO.puts(Exception.message(e)) end
IO.inspect(System.argv())
IO.inspect(is_binary(File.cwd!()))
