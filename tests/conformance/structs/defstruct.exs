# defstruct with a keyword list of defaults and with a list of fields.
defmodule User do
  defstruct name: "anonymous", age: 0, admin: false
end

defmodule Point do
  defstruct [:x, :y]
end

# Structs cannot be expanded in the file's top-level code that defines them,
# so the checks run inside a module defined after them.
defmodule Main do
  def run do
    u = %User{}
    IO.inspect(u)
    IO.inspect(%User{name: "Ada", age: 36})
    IO.inspect(%Point{})
    IO.inspect(%Point{x: 1, y: 2})
    IO.inspect(u.name)
    IO.inspect(u.__struct__)
    IO.inspect(is_map(u))
    IO.inspect(Map.keys(%Point{}))
    IO.inspect(map_size(u))
    IO.inspect(%User{} == %User{})
    IO.inspect(%User{age: 1} == %User{age: 2})
    IO.inspect(Map.from_struct(%Point{x: 3, y: 4}))
    IO.inspect(struct(User, name: "built", age: 9))
    IO.inspect(is_struct(u))
    IO.inspect(is_struct(%{}))
    IO.inspect(is_struct(u, User))
  end
end

Main.run()
