# ~p layout details (io_lib_pretty): the column reached before ~p, the field width as the
# line length and the precision as the column, tagged tuples, maps whose pairs do not
# fit, long binaries broken between bytes, improper lists, and ~lp.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota"]
:io.format("prefix text: ~p~n", [Enum.map(words, &String.to_atom/1)])
:io.format("~p~n", [{:a_fairly_long_tag_name_for_a_tuple, [1, 2, 3], {:nested, "value", 42}, :the_end_of_it}])
:io.format("~p~n", [{:tag, Enum.to_list(1..30), %{alpha: 1, beta: [1, 2, 3], gamma: "a string"}}])
:io.format("~p~n", [%{key_one: String.duplicate("x", 40), key_two: Enum.to_list(1..25), k3: :short}])
:io.format("~p~n", [%{{:a, :compound, :key} => Enum.map(1..15, &{&1, &1 * &1})}])
:io.format("~p~n", [:erlang.list_to_binary(Enum.to_list(0..60))])
:io.format("~p~n", [<<1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26::5>>])
:io.format("~p~n", [[:first, :second, :third, :fourth, :fifth, :sixth, :seventh, :eighth | :tail_atom]])
:io.format("~p~n", [[[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12], [13, 14, 15], [16, 17, 18], [19, 20, 21]]])
:io.format("~30p~n", [Enum.to_list(1..20)])
:io.format("~40.20p~n", [Enum.to_list(1..20)])
:io.format("~0p~n", [Enum.to_list(1..40)])
:io.format("~lp ~p~n", ['abc', 'abc'])
:io.format("~p~n", [Enum.map(1..6, fn i -> String.duplicate("ab", i * 3) end)])
:io.format("a\tb ~p~n", [Enum.to_list(1..28)])
:io.format("~p and ~p~n", [Enum.to_list(1..20), Enum.to_list(21..40)])
s = :io_lib.format("~p", [Enum.to_list(100..130)])
IO.puts(s)
