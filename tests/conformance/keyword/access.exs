# Reading keyword lists: kw[:k], Keyword functions, duplicates.
kw = [color: :red, size: 10, color: :blue]
IO.inspect(kw[:color])
IO.inspect(kw[:missing])
IO.inspect(Keyword.get(kw, :size))
IO.inspect(Keyword.get(kw, :weight, 0))
IO.inspect(Keyword.get_values(kw, :color))
IO.inspect(Keyword.keys(kw))
IO.inspect(Keyword.values(kw))
IO.inspect(Keyword.has_key?(kw, :size))
IO.inspect(Keyword.put(kw, :color, :green))
IO.inspect(Keyword.delete(kw, :color))
IO.inspect(Keyword.merge([a: 1, b: 2], [b: 3, c: 4]))
IO.inspect(Keyword.fetch(kw, :size))
IO.inspect(Keyword.fetch(kw, :nope))
IO.inspect(Keyword.take(kw, [:size]))
[{key, value} | _] = kw
IO.inspect({key, value})
