# File basics over the natives in vm/src/natives/os.rs; errors are `:file`'s POSIX atoms.
defmodule File do
  def read(path), do: :beamlet.file_read(path)

  def read!(path) do
    case read(path) do
      {:ok, binary} -> binary
      {:error, reason} -> raise File.Error, reason: reason, action: "read file", path: path
    end
  end

  def write(path, content, modes \\ []) do
    :beamlet.file_write(path, content, :lists.member(:append, modes))
  end

  def write!(path, content, modes \\ []) do
    case write(path, content, modes) do
      :ok -> :ok
      {:error, reason} -> raise File.Error, reason: reason, action: "write to file", path: path
    end
  end

  def exists?(path), do: :beamlet.file_op(:exists, path)
  def dir?(path), do: :beamlet.file_op(:dir, path)
  def regular?(path), do: :beamlet.file_op(:regular, path)

  def rm(path), do: :beamlet.file_op(:rm, path)
  def rm!(path), do: bang(rm(path), "remove file", path)
  def rmdir(path), do: :beamlet.file_op(:rmdir, path)
  def rmdir!(path), do: bang(rmdir(path), "remove directory", path)
  def mkdir(path), do: :beamlet.file_op(:mkdir, path)
  def mkdir!(path), do: bang(mkdir(path), "make directory", path)
  def mkdir_p(path), do: :beamlet.file_op(:mkdir_p, path)
  def mkdir_p!(path), do: bang(mkdir_p(path), "make directory (with -p)", path)
  def touch(path), do: :beamlet.file_op(:touch, path)
  def touch!(path), do: bang(touch(path), "touch", path)

  def ls(path \\ "."), do: :beamlet.file_op(:ls, path)

  def ls!(path \\ ".") do
    case ls(path) do
      {:ok, names} -> names
      {:error, reason} -> raise File.Error, reason: reason, action: "list directory", path: path
    end
  end

  def cwd, do: :beamlet.cwd()

  def cwd! do
    {:ok, dir} = cwd()
    dir
  end

  # The file's lines (each with its newline), read when the stream is enumerated.
  def stream!(path, modes \\ [], line_or_bytes \\ :line) do
    _ = modes

    Stream.resource(
      fn -> {read!(path), line_or_bytes} end,
      fn
        {"", _} = done -> {:halt, done}
        {data, :line} -> next_line(data)
        {data, n} when is_integer(n) and byte_size(data) > n -> {[binary_part(data, 0, n)], {binary_part(data, n, byte_size(data) - n), n}}
        {data, n} -> {[data], {"", n}}
      end,
      fn _ -> :ok end
    )
  end

  defp next_line(data) do
    case :binary.match(data, "\n") do
      {at, 1} -> {[binary_part(data, 0, at + 1)], {binary_part(data, at + 1, byte_size(data) - at - 1), :line}}
      :nomatch -> {[data], {"", :line}}
    end
  end

  defp bang(:ok, _action, _path), do: :ok
  defp bang({:error, reason}, action, path), do: raise(File.Error, reason: reason, action: action, path: path)
end

defmodule File.Error do
  defexception [:reason, :path, action: ""]

  def message(%{action: action, reason: reason, path: path}) do
    "could not #{action} #{inspect(path)}: #{format(reason)}"
  end

  defp format(:enoent), do: "no such file or directory"
  defp format(:eacces), do: "permission denied"
  defp format(:eexist), do: "file already exists"
  defp format(:eisdir), do: "illegal operation on a directory"
  defp format(:enotdir), do: "not a directory"
  defp format(:enotempty), do: "directory not empty"
  defp format(:enospc), do: "no space left on device"
  defp format(:eperm), do: "operation not permitted"
  defp format(:erofs), do: "read-only file system"
  defp format(:enametoolong), do: "file name too long"
  defp format(:eloop), do: "too many levels of symbolic links"
  defp format(:ebusy), do: "file busy"
  defp format(:exdev), do: "cross-domain link"
  defp format(:eio), do: "I/O error"
  defp format(other), do: inspect(other)
end
