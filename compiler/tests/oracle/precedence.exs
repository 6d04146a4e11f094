# Oracle for the parser's grouping and precedence (compiler/tests/parse_oracle.rs).
#
# For each expression below, prints one line: the expression, a TAB, and Elixir's own AST
# for it (Code.string_to_quoted/2) printed in exactly the format of Beamlet's printer
# (compiler/src/printer.rs): every operator parenthesised, `(l op r)`, `(op x)`; calls with
# parentheses `name(args)`, without `(name args)`, remote `(Mod).fun(args)`, access
# `(x)[k]`, do-blocks `(name args do\n...\nend)`. An expression Elixir rejects prints
# `ERROR`. Newlines, tabs and backslashes in both columns are escaped as \n, \t, \\.
#
# Conventions where Elixir's AST and Beamlet's differ in shape but not in grouping:
# - `a not in b` is `not(a in b)` in Elixir (and so is `not(a in b)`); printed `(a not in b)`.
# - bitstrings print with spaces inside the brackets, `<< a, b >>`, and `<<>>` when empty.
# - a guard over several clause arguments is one n-ary `when` in Elixir
#   (`when(a, b, g)`); Beamlet keeps `a, (b when g)`, which is how it is printed here.
# - `-1` is `{:-, _, [1]}` in Elixir 1.14 (no folding), printed `(-1)` like Beamlet's.
#
# Regenerate with scripts/regen-oracles.sh; never edit the .out file by hand.

defmodule OraclePrinter do
  @binops ~w(= == != === !== < > <= >= + - * / ** ++ -- +++ --- <> .. ^^^ && &&& and || ||| or
             in <- \\\\ :: when | |> <<< >>> <<~ ~>> <~ ~> <~> <|> =~)a
  @unops ~w(- + ! ^ not ~~~ & @)a
  @blocks [:else, :after, :catch, :rescue]

  def p({:not, _, [{:in, _, [l, r]}]}), do: "(#{p(l)} not in #{p(r)})"
  def p({:"..//", _, [a, b, c]}), do: "(#{p(a)}..#{p(b)}//#{p(c)})"
  def p({:.., _, []}), do: ".."
  def p({:__block__, _, [x]}), do: p(x)
  def p({:__block__, _, xs}), do: "(" <> Enum.map_join(xs, "; ", &p/1) <> ")"

  def p({:__aliases__, _, [h | t]}) when is_atom(h),
    do: Enum.map_join([h | t], ".", &Atom.to_string/1)

  def p({:__aliases__, _, [h | t]}), do: "(#{p(h)})." <> Enum.map_join(t, ".", &Atom.to_string/1)

  def bits([]), do: "<<>>"
  def bits(parts), do: "<< " <> list(parts) <> " >>"

  def p({:<<>>, m, parts}) do
    if m[:delimiter], do: "\"" <> segs(parts, ?") <> "\"", else: bits(parts)
  end

  def p({:%{}, _, [{:|, _, [base, kvs]}]}), do: "%{" <> p(base) <> " | " <> pairs(kvs) <> "}"
  def p({:%{}, _, kvs}), do: "%{" <> pairs(kvs) <> "}"

  def p({:%, _, [name, {:%{}, _, [{:|, _, [base, kvs]}]}]}),
    do: "%" <> p(name) <> "{" <> p(base) <> " | " <> pairs(kvs) <> "}"

  def p({:%, _, [name, {:%{}, _, kvs}]}), do: "%" <> p(name) <> "{" <> pairs(kvs) <> "}"
  def p({:{}, _, xs}), do: "{" <> list(xs) <> "}"
  def p({:fn, _, clauses}), do: "fn " <> clauses(clauses) <> " end"

  def p({name, m, [{:<<>>, _, parts}, mods]}) when is_atom(name) and is_list(mods) do
    case {Atom.to_string(name), m[:delimiter]} do
      {"sigil_" <> s, d} when is_binary(d) ->
        c = closing(d)
        "~" <> s <> d <> segs(parts, hd(String.to_charlist(c))) <> c <> List.to_string(mods)

      _ ->
        local(name, m, [{:<<>>, [], parts}, mods])
    end
  end

  # Guards over several clause arguments: see the header.
  def p({:when, _, args}) when length(args) > 2 do
    {heads, [last, guard]} = Enum.split(args, -2)
    list(heads) <> ", (" <> p(last) <> " when " <> p(guard) <> ")"
  end

  def p({{:., _, [Access, :get]}, _, [x, k]}), do: "(#{p(x)})[#{p(k)}]"

  def p({{:., _, [base, name]}, m, args}) when is_atom(name),
    do: call("(#{p(base)})." <> remote_name(name), args, Keyword.has_key?(m, :closing))

  def p({{:., _, [f]}, _, args}), do: call("(#{p(f)}).", args, true)
  def p({{_, _, _} = inner, _, args}), do: call(p(inner), args, true)
  def p({op, _, [l, r]}) when op in @binops, do: "(#{p(l)} #{op} #{p(r)})"
  def p({:not, _, [x]}), do: "(not #{p(x)})"
  def p({op, _, [x]}) when op in @unops, do: "(#{op}#{p(x)})"
  def p({name, _, ctx}) when is_atom(name) and is_atom(ctx), do: Atom.to_string(name)
  def p({name, m, args}) when is_atom(name) and is_list(args), do: local(name, m, args)
  def p({a, b}), do: "{#{p(a)}, #{p(b)}}"

  def p([_ | _] = xs) do
    if Enum.all?(xs, &match?({:->, _, [_, _]}, &1)),
      do: "(" <> clauses(xs) <> ")",
      else: "[" <> list(xs) <> "]"
  end

  def p([]), do: "[]"
  def p(a) when is_atom(a), do: atom(a)
  def p(i) when is_integer(i), do: Integer.to_string(i)
  def p(f) when is_float(f), do: Float.to_string(f)
  def p(s) when is_binary(s), do: "\"" <> esc(s, ?") <> "\""

  # Mirrors printer.rs `write_callee`: a name that is not an identifier is quoted.
  defp remote_name(name) do
    s = Atom.to_string(name)
    if identifier?(s), do: s, else: "\"" <> esc(s, ?") <> "\""
  end

  defp identifier?(s), do: Regex.match?(~r/\A[_a-z][A-Za-z0-9_]*[?!]?\z/, s)

  defp local(name, m, args), do: call(Atom.to_string(name), args, Keyword.has_key?(m, :closing))

  defp call(callee, args, parens) do
    blocks = if args != [], do: do_blocks(List.last(args))

    cond do
      blocks -> do_call(callee, Enum.drop(args, -1), parens, blocks)
      parens -> callee <> "(" <> list(args) <> ")"
      args == [] -> callee
      true -> "(" <> callee <> " " <> list(args) <> ")"
    end
  end

  defp do_blocks([{:do, _} | rest] = kw) do
    if Enum.all?(rest, &match?({k, _} when k in @blocks, &1)), do: kw
  end

  defp do_blocks(_), do: nil

  defp do_call(callee, args, parens, blocks) do
    head =
      cond do
        parens -> callee <> "(" <> list(args) <> ")"
        args != [] -> callee <> " " <> list(args)
        true -> callee
      end

    body =
      Enum.map_join(blocks, fn {name, body} ->
        text =
          case body do
            [{:->, _, _} | _] -> clauses(body)
            {:__block__, _, []} -> ""
            _ -> p(body)
          end

        " #{name}\n" <> text <> "\n"
      end)

    "(" <> head <> body <> "end)"
  end

  defp clauses(cs) do
    Enum.map_join(cs, "\n", fn {:->, _, [args, body]} ->
      head = if args == [], do: "()", else: list(args)
      head <> " -> " <> p(body)
    end)
  end

  defp list(xs), do: Enum.map_join(xs, ", ", &p/1)
  defp pairs(kvs), do: Enum.map_join(kvs, ", ", fn {k, v} -> p(k) <> " => " <> p(v) end)

  defp segs(parts, quote) do
    Enum.map_join(parts, fn
      s when is_binary(s) ->
        esc(s, quote)

      {:"::", _, [{{:., _, [Kernel, :to_string]}, _, [x]}, {:binary, _, _}]} ->
        "\#{" <> p(x) <> "}"
    end)
  end

  defp closing("("), do: ")"
  defp closing("["), do: "]"
  defp closing("{"), do: "}"
  defp closing("<"), do: ">"
  defp closing(d), do: d

  defp atom(a) when a in [true, false, nil], do: Atom.to_string(a)

  defp atom(a) do
    s = Atom.to_string(a)

    alias? =
      s |> String.split(".") |> Enum.all?(&Regex.match?(~r/\A[A-Z][A-Za-z0-9_]*\z/, &1))

    if identifier?(s) or alias?,
      do: ":" <> s,
      else: ":\"" <> esc(s, ?") <> "\""
  end

  # Mirrors printer.rs `escape_into`.
  defp esc(s, quote), do: s |> String.to_charlist() |> esc_chars(quote) |> List.to_string()

  defp esc_chars([], _), do: []
  defp esc_chars([?\\ | r], q), do: [?\\, ?\\ | esc_chars(r, q)]
  defp esc_chars([?\n | r], q), do: [?\\, ?n | esc_chars(r, q)]
  defp esc_chars([?\t | r], q), do: [?\\, ?t | esc_chars(r, q)]
  defp esc_chars([?\r | r], q), do: [?\\, ?r | esc_chars(r, q)]
  defp esc_chars([?#, ?{ | r], q), do: [?\\, ?#, ?{ | esc_chars(r, q)]
  defp esc_chars([q | r], q), do: [?\\, q | esc_chars(r, q)]

  defp esc_chars([c | r], q) when c < 0x20 or (c >= 0x7F and c < 0xA0),
    do: String.to_charlist("\\u{" <> Integer.to_string(c, 16) <> "}") ++ esc_chars(r, q)

  defp esc_chars([c | r], q), do: [c | esc_chars(r, q)]
end

# One expression per line; ⏎ stands for a newline inside an expression; lines starting
# with `#` are comments.
hand_written = ~S"""
# unary and binary minus
-a
- a
a-b
a - b
a -b
a -1
a - -b
-a + b
-a.b
-a[1]
!a.b
-@a
[a -b]
f(a -b)
a -b, c
-1 + 2
1 - -1
-a ** b
a ** -b
-a ** -b
!a ** b
not a ** b
~~~a ** b
^a ** b
-a * -b
- - a
!!a
not not a
+a - +b
a+-b
a*-b
# calls without parentheses mixed with operators
foo a + b
foo a, b + c
foo bar a
foo bar a, b
foo bar, baz a, b
foo a |> bar
a |> foo b
a |> foo b, c
foo a when b
foo a = b
x = foo a, b
x + foo a
x = foo a |> bar
foo a, b: c
foo a: b, c: d
foo bar a, b: c
foo a, b: bar c
foo a, b: bar c, d: e
foo -a
foo !a
foo &bar/1
foo @a
foo ^a
foo not a
foo a.b
foo a[1]
foo [1]
foo (1)
foo {a, b}
foo.bar a, b
Foo.bar a, b
foo.bar a.b, c
f(a, b: g c)
f(a, b: c)
f(b: c, d: e)
f a, b: c + d
foo a in b
foo a :: b
foo a || b
foo a..b
foo ..
x = ..
[..]
a and foo b
a && foo b, c
# pipes
a |> b(c) |> d
a |> b |> c.d
a |> b.(c)
a + b |> c
a |> b + c
a |> b in c
a |> b && c
a = b |> c
a ++ b |> c
a |> b <> c
a <|> b |> c
a |> b == c
a |> (&b/1).()
a⏎|> b⏎|> c
a |>⏎  b
# captures
&foo/1
&Foo.bar/2
&Foo.Bar.baz/3
&:m.f/1
&a.b/1
&(&1 + &2)
& &1
&(&1)
&foo(&1, 2)
&1 + 1
& &1 + 1
& &1.x
&[&1]
&{&1, &2}
&foo |> bar
&a = b
a = &b
&a when b
&a || b
& &1 |> f
&Kernel.+/2
f(&(&1 * 2))
&(&1).x
-&a
x = &foo/1
a + &b/1
a |> &b
a = &b = c
a || &b || c
a :: &b
a = & &1 + 1
[&a, &b]
# when, ::, <-, \\
a when b when c
a when b and c
a when b = c
a :: b when c
a when b :: c
a <- b when c
a \\ b when c
a \\ b \\ c
a <- b <- c
a :: b :: c
a :: b | c
a | b :: c
a = b :: c
a <- b = c
fn a, b when c -> d end
fn a when b -> c end
fn a, b -> c end
fn -> a end
(a -> b)
(a, b -> c)
# | in lists, tuples and maps
[a | b]
[a, b | c]
[a | b ++ c]
[a = b | c]
[a | b = c]
[a | b | c]
[a :: b | c]
[a when b | c]
[(a | b)]
[a | b when c]
{a | b}
%{a | b: 1}
%{a | b => c}
%{a | b: c, d: e}
%Foo{a | b: 1}
%{a => b | c}
a when b: c
a when b: c, d: e
x.()()
f.(1)(2)
# ranges and steps
1..10//2
a..b//c
a..b//c + d
a + b..c//d
1..2//3 |> f
-1..-10//-1
x in 1..10//2
a..b // c
a..b..c
a .. b
a..b + c
a..-b
a..b ++ c
a ++ b..c
a <> b..c
# not in
a not in b
a not in b in c
a in b not in c
not a in b
!a in b
a not in b and c
a not in b ++ c
a not in b..c
a not in b == c
not(a in b)
not a
# module attributes
@a
@a.b
@a[1]
@a b
@a b, c
@a.b.c
@a + 1
@a |> f
@a b |> c
@foo.bar()
@a(1)
@(a)
@spec f(a) :: b
@spec f(a) :: b when a: c
@a -1
@a - 1
# access and dot chains
a.b.c
a.b[c]
a[b].c
a[b][c]
a.b(c)[d]
a.(b)[c]
a.b.(c)
A.B.c
A.B.c(d)
A.b.C
__MODULE__.A
:a.b
:a.b(c)
a.b + c.d
-a.b
!a[b]
^a.b
a.b = c
a[b] + c
f(a)[b]
f(a).b
%{a: 1}.a
[1][0]
a.b.c.d(e).f
a[b: 1]
a[b, c: d]
x.y[z].w.()
# keyword lists and containers
[a: 1]
[a: b = c]
[1, a: 2]
[a: 1, b: 2]
{a: 1}
{1, a: 2}
%{a: b || c}
%{a => b = c}
{a, b} = c
[a: b | c]
[a: 1, b]
<<a::size(8)-big>>
<<a::8*4>>
<<a::b-c, d::e>>
<<a, b::binary>>
# do-blocks
if a do b else c end
foo a do b end
foo a, b do c end
foo.bar a do b end
a = if b do c end
if a do b end |> c
foo bar do b end
foo bar baz do c end
foo(bar) do b end
foo bar, baz do c end
if a, do: b, else: c
if(a, do: b)
case a do b -> c end
case a do b when c -> d; e -> f end
a = case b do c -> d end
foo fn a -> b end
fn a -> b end.(c)
# strings
"a#{b + c}d"
"#{a}" <> b
"a" <> "b" <> c
:"a b"
# operator at line end or start
a +⏎b
a⏎+ b
a⏎- b
a ||⏎b
a⏎|| b
a⏎and b
a⏎when b
a⏎:: b
a⏎<- b
a⏎= b
a⏎** b
a⏎.. b
a⏎in b
a⏎not in b
# errors in Elixir too
1 // 2
a // b
foo(1, 2,)
[a: 1, 2]
"""

exprs = for l <- String.split(hand_written, "\n"), l != "", not String.starts_with?(l, "#"), do: l

# Every pair of precedence levels (one operator each), both ways round, and every operator
# with itself (associativity).
levels = ~w(<- \\\\ when :: | = || && == < |> in ^^^ // ++ .. + * **)
levels = levels -- ["//"]

pairs = for a <- levels, b <- levels, a != b, do: "a #{a} b #{b} c"

ops =
  ~w(<- \\\\ when :: | = || ||| or && &&& and == != =~ === !== < > <= >= |> <<< >>> <<~ ~>> <~ ~>
     <~> <|> in ^^^ ++ -- +++ --- <> .. + - * / **)

same = for o <- ops, do: "a #{o} b #{o} c"
mixed = for o <- ops, do: "a + b #{o} c * d"
not_in = for o <- ["==", "<", "|>", "in", "^^^", "++", "+", "&&"], do: "a not in b #{o} c"
not_in2 = for o <- ["==", "<", "|>", "in", "^^^", "++", "+", "&&"], do: "a #{o} b not in c"

escape = fn s ->
  s |> String.replace("\\", "\\\\") |> String.replace("\n", "\\n") |> String.replace("\t", "\\t")
end

for e <- exprs ++ pairs ++ same ++ mixed ++ not_in ++ not_in2 do
  src = String.replace(e, "⏎", "\n")

  printed =
    case Code.string_to_quoted(src, columns: true, token_metadata: true) do
      {:ok, ast} -> OraclePrinter.p(ast)
      {:error, _} -> "ERROR"
    end

  IO.puts(escape.(src) <> "\t" <> escape.(printed))
end
