# alias (with as: and multi-alias), import (only:/except:), require.
defmodule MyApp.Util.Math do
  def square(x), do: x * x
  def cube(x), do: x * x * x
end

defmodule MyApp.Util.Text do
  def shout(s), do: String.upcase(s)
end

defmodule MyApp.Main do
  alias MyApp.Util.Math
  alias MyApp.Util.Text, as: T
  alias MyApp.Util.{Math, Text}
  import MyApp.Util.Math, only: [cube: 1]
  import List, only: [first: 1]
  require Integer

  def run do
    IO.inspect(Math.square(4))
    IO.puts(T.shout("aliased"))
    IO.puts(Text.shout("multi alias"))
    IO.inspect(cube(3))
    IO.inspect(first([9, 8]))
    IO.inspect(Integer.is_even(10))
    IO.inspect(Math)
  end
end

MyApp.Main.run()

defmodule Top do
  import String, except: [length: 1]
  def go, do: upcase("imported")
end

IO.puts(Top.go())
alias MyApp.Util.Math, as: M
IO.inspect(M.cube(2))
