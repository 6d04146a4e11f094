# ~p breaks terms longer than 80 columns like the Erlang pretty printer.
:io.format("~p~n", [Enum.to_list(1..40)])
:io.format("~p~n", [{:a_long_atom_name, "a long binary string value", [1, 2, 3, 4, 5, 6], %{key: :value}}])
:io.format("~p~n", [Enum.map(1..12, fn i -> {:item, i} end)])
:io.format("~w~n", [Enum.to_list(1..40)])
