# ~c with a field width repeats the character; ~-Nc too.
:io.format("~5c|~-3c|~n", [?x, ?y])
:io.format("~3c~c~n", [?a, ?b])
:io.format("~1c|~n", [?z])
