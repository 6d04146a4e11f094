# ~p and ~tp on non-ASCII binaries and charlists: ~tp keeps Unicode, ~p shows the bytes as Latin-1.
:io.format("~tp~n", ["héllo"])
:io.format("~p~n", ["héllo"])
:io.format("~tp ~p~n", ['héllo', 'abc'])
:io.format("~p~n", ['héllo'])
:io.format("~tp~n", [%{"clé" => 'été'}])
