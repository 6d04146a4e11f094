# Oracle for vm/src/inspect: `elixir vm/tests/oracle/inspect.exs > vm/tests/oracle/inspect.out`.
#
# vm/tests/inspect.rs reads the cases below from this file, builds each value in Rust
# with a small parser of the literal syntax used here, and compares its output with the
# .out file. A case is `MODE [OPTIONS] | EXPRESSION`:
#   i   puts inspect(value, options)       (Kernel.inspect/2)
#   io  IO.inspect(value, options)         (pretty layout at :width)
#   s   puts to_string(value), or <error> when it raises
# Each case prints a header line `--- CASE` and then its output.

defmodule User do
  defstruct name: nil, age: nil, email: nil
end

defmodule Point do
  defstruct [:y, :x]
end

defmodule Empty do
  defstruct []
end

defmodule MyError do
  defexception [:message, :code]
end

cases = ~S"""
i | 0
i | 1
i | -1
i | 42
i | 576460752303423487
i | 576460752303423488
i | -576460752303423489
i | 123456789012345678901234567890
i | -123456789012345678901234567890
i base: :hex | 255
i base: :hex | -255
i base: :binary | 5
i base: :octal | 8
i base: :hex | 123456789012345678901234567890
i base: :hex | [1, 10, 255]
i base: :hex | "ab"
i base: :binary | <<1, 2>>
i | 0.1
i | 1.0
i | -1.0
i | 0.0
i | -0.0
i | 2.5
i | 100.0
i | 1000.0
i | 1234.5
i | 1.0e15
i | 1.0e16
i | 1.0e20
i | 123456789012345680.0
i | 9007199254740992.0
i | 9007199254740991.0
i | 1.5e-7
i | 1.0e-5
i | 0.0001
i | 0.001
i | 5.0e-324
i | 1.7976931348623157e308
i | 0.30000000000000004
i | 1.0e100
i | -1.5e-10
s | 1.0
s | 1.0e15
s | 1000.0
s | 100.0
s | 1.0e20
s | 0.0001
s | -0.0
s | 2.2250738585072014e-308
i | :ok
i | :error
i | nil
i | true
i | false
i | :"with space"
i | :"foo bar"
i | :""
i | :"+"
i | :"-"
i | :"*"
i | :"/"
i | :"++"
i | :"<>"
i | :"=="
i | :"==="
i | :"!"
i | :"&"
i | :"@"
i | :"^"
i | :"|"
i | :"||"
i | :"|>"
i | :"<-"
i | :"\\\\"
i | :"::"
i | :"//"
i | :"^^^"
i | :"~~~"
i | :"<|>"
i | :"..//"
i | :"%{}"
i | :"%"
i | :"{}"
i | :"<<>>"
i | :"..."
i | :".."
i | :"."
i | :"->"
i | :"=>"
i | :when
i | :and
i | :not
i | :in
i | :"@foo"
i | :foo@bar
i | :nonode@nohost
i | :Foo
i | :"Foo.Bar"
i | :"Elixir.Foo.bar"
i | Foo
i | Foo.Bar
i | Elixir.Foo.Bar2_x
i | :Elixir
i | :"Elixir.Elixir"
i | :"Elixir.Elixir.Foo"
i | :"Elixir.1"
i | :josé
i | :"Ólá"
i | :foo?
i | :foo!
i | :"foo?bar"
i | :"foo!!"
i | :"1a"
i | :_
i | :_foo
i | :"a-b"
i | :"\n"
i | :"a\"b"
i | :"é\t"
i | :"\#{}"
i | :erlang
i | "hello"
i | ""
i | "a\nb"
i | "tab\there"
i | "quote\"inside"
i | "back\\slash"
i | "esc\e"
i | "bell\a and \b \f \v \r \d"
i | "interp \#{x}"
i | "only # and {"
i | "héllo wörld"
i | "日本語"
i | "emoji 🎉"
i | "\u00a0nbsp"
i | "\u200bzw"
i | "\uFEFFbom"
i | "\u0085"
i | "\uFFFE"
i | <<0>>
i | "a\0b"
i | <<1, 2, 3>>
i | <<255>>
i | <<104, 101, 255>>
i | <<>>
i | <<1::size(3)>>
i | <<1, 2::size(4)>>
i | <<255, 255, 1::size(1)>>
i | <<0::size(7)>>
i binaries: :as_strings | <<255, 97>>
i binaries: :as_strings | <<0, 1, 2, 127, 128>>
i binaries: :as_binaries | "abc"
i printable_limit: 3 | "abcdef"
i printable_limit: 3 | "abc"
i printable_limit: 2 | "\#{}\#{}"
i limit: 2 | <<1, 2, 3>>
i limit: 3 | <<1, 2, 3>>
i limit: 1 | <<1, 2::size(3)>>
i | 'abc'
i | 'it\'s'
i | 'a"b'
i | 'tab\t'
i | '\#{x}'
i | [7, 8, 9, 10, 11, 12, 13, 27]
i | [127]
i | [31]
i | [?a, 200]
i | [?a | ?b]
i | [?a, ?b | "c"]
i charlists: :as_lists | 'abc'
i charlists: :as_charlists | [1, 2, 300]
i charlists: :as_charlists | [?a, "bc", [?d]]
i printable_limit: 3 | 'abcdef'
i printable_limit: 2 | [?a, ?b, 1000]
i | []
i | [1]
i | [1, 2, 3]
i | [1 | 2]
i | [1, 2 | 3]
i | [[]]
i | [[1], [2, [3]]]
i | [:a, "b", 1.5]
i | [a: 1]
i | [a: 1, b: 2]
i | ["a b": 1, c: 2]
i | [+: 1, nil: 2, Foo: 3]
i | [{:a, 1}, {:b, 2, 3}]
i | [{Foo, 1}]
i | [{:a, 1} | 2]
i | [a: [b: [c: 1]]]
i | [{"a", 1}]
i | {}
i | {1}
i | {1, 2}
i | {:ok, "value"}
i | {:error, {:reason, [1, 2]}}
i | {[], %{}, {}}
i | %{}
i | %{a: 1}
i | %{a: 1, b: 2}
i | %{"k" => 2}
i | %{1 => 2, :a => 3}
i | %{:a => 1, "b" => 2}
i | %{Foo => 1}
i | %{"a b": 1}
i | %{{1, 2} => [3], [4] => %{5 => 6}}
i | %{1.0 => :float, 1 => :int}
i | %{nil: 1, true: 2}
i | %{a: %{b: %{c: %{}}}}
i | %{__struct__: User, name: "jo", age: 3, email: nil}
i | %{__struct__: Point, x: 1, y: 2}
i | %{__struct__: Empty}
i | %{__struct__: User, name: "jo"}
i | %{__struct__: NoSuchModule, a: 1}
i | %{__struct__: :foo, a: 1}
i | %{__struct__: MyError, __exception__: true, message: "boom", code: 42}
i | %{__struct__: RuntimeError, __exception__: true, message: "oops"}
i | %{__struct__: KeyError, __exception__: true, key: :k, term: %{}, message: nil}
i | %{__struct__: ArgumentError, __exception__: true, message: "bad"}
i structs: false | %{__struct__: User, name: "jo", age: 3, email: nil}
i | [%{__struct__: Point, x: 1, y: 2}, %{__struct__: Point, x: 3, y: 4}]
i | 1..10
i | 1..10//2
i | 10..1//-1
i | 5..1//1
i | -3..-1
i structs: false | 1..10
i | MapSet.new([1, 2, 3])
i | MapSet.new([])
i | MapSet.new([a: 1])
i | MapSet.new(['ab'])
i | &Enum.map/2
i | &:erlang.element/2
i | &:lists.reverse/1
i | &Kernel.elem/2
i limit: 3 | [1, 2, 3, 4, 5]
i limit: 3 | [1, 2, 3]
i limit: 1 | [1, [2, 3]]
i limit: 1 | [[1, 2]]
i limit: 1 | {1, {2, 3}}
i limit: 1 | %{a: %{b: 1}}
i limit: 2 | %{a: 1, b: 2, c: 3}
i limit: 2 | [1, 2 | 3]
i limit: 1 | [1, 2 | 3]
i limit: 0 | [1]
i limit: 0 | {1}
i limit: 0 | %{a: 1}
i limit: 2 | [a: 1, b: 2, c: 3]
i limit: 2 | %{__struct__: User, name: "jo", age: 3, email: nil}
i limit: 3 | 'abcdef'
i | Enum.to_list(1..60)
i limit: :infinity | Enum.to_list(1..60)
i | List.to_tuple(Enum.to_list(1..60))
i | Enum.to_list(1..40)
i pretty: true | Enum.to_list(1..40)
i pretty: true, width: 20 | [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
io | Enum.to_list(1..40)
io | Enum.to_list(1..100)
io | Enum.to_list(1000..1030)
io limit: :infinity | Enum.to_list(1..120)
io | List.to_tuple(Enum.to_list(1..40))
io | Enum.zip(Enum.to_list(1..12), Enum.to_list(101..112))
io | Enum.zip(Enum.to_list(1..3), Enum.to_list(101..103))
io | [a: String.duplicate("x", 40), b: String.duplicate("y", 40)]
io | [a: 1, b: 2]
io | %{a: String.duplicate("x", 50), b: String.duplicate("y", 50)}
io | %{config: %{db: %{host: "localhost", port: 5432, user: "postgres", password: "secret"}, cache: %{ttl: 3600}}}
io | %{"key one" => String.duplicate("v", 60), "key two" => [1, 2, 3]}
io | [Enum.to_list(1..30), Enum.to_list(1..30)]
io | [[[[[[Enum.to_list(1..30)]]]]]]
io | {:ok, [Enum.to_list(1..30), %{a: 1}]}
io | {:error, String.duplicate("e", 70), String.duplicate("f", 20)}
io | [String.duplicate("a", 30), String.duplicate("b", 30), String.duplicate("c", 30)]
io | List.duplicate("héllo wörld", 10)
io | List.duplicate(:an_atom, 20)
io | List.duplicate(1.5, 30)
io | List.duplicate([1, 2], 20)
io | List.duplicate({1, 2}, 20)
io | List.duplicate('abc', 20)
io | [1, 2, 3 | String.duplicate("x", 90)]
io | Enum.to_list(1..30) ++ [:a | :b]
io | :erlang.list_to_binary(Enum.to_list(0..60))
io | :erlang.list_to_binary(Enum.to_list(200..255))
io | %{__struct__: User, name: String.duplicate("n", 40), age: 33, email: String.duplicate("e", 30)}
io | %{__struct__: MyError, __exception__: true, message: String.duplicate("m", 70), code: 1}
io | {String.duplicate("a", 50), {String.duplicate("b", 50), {String.duplicate("c", 50)}}}
io | %{list: Enum.to_list(1..50), map: %{nested: Enum.to_list(1..20)}}
io | MapSet.new(Enum.to_list(1..30))
io | [1..10, 1..20//3]
io width: 20 | [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
io width: 20 | %{a: 1, b: 2, c: 3}
io width: 20 | {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
io width: 0 | [1, 2, 3]
io width: 0 | %{a: 1}
io width: 10 | [[1, 2], [3, 4]]
io width: 30 | [foo: [bar: [baz: [1, 2, 3, 4, 5, 6, 7, 8, 9]]]]
io width: 15 | <<1, 2, 3, 4, 5, 6, 7, 8, 9, 10>>
io | "a string that is longer than the width of eighty characters and so it cannot fit at all"
io | ["a string that is longer than the width of eighty characters and so it cannot fit", 1]
io | {:a, "a string that is longer than the width of eighty characters and so it cannot fit"}
io | %{a: "a string that is longer than the width of eighty characters and so it cannot fit"}
s | "hello"
s | ""
s | :atom
s | nil
s | true
s | Foo.Bar
s | 42
s | -123456789012345678901234567890
s | 1.5
s | 'abc'
s | [?a, "bc", [?d, [?e]] | "f"]
s | []
s | [233, 26085]
s | [0xD800]
s | [:a]
s | [?a | 1]
s | <<1::size(3)>>
s | {1}
s | %{}
s | ["é", <<255>>]
"""

for line <- String.split(cases, "\n", trim: true) do
  IO.puts("--- " <> line)
  [head, expr] = String.split(line, " | ", parts: 2)
  [mode | opts_text] = String.split(head, " ", parts: 2)
  {opts, _} = Code.eval_string("[" <> Enum.join(opts_text) <> "]")
  {value, _} = Code.eval_string(expr)

  case mode do
    "i" ->
      IO.puts(inspect(value, opts))

    "io" ->
      IO.inspect(value, opts)

    "s" ->
      IO.puts(
        try do
          to_string(value)
        rescue
          _ -> "<error>"
        end
      )
  end
end
