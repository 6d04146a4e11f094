# Which atoms inspect with quotes.
atoms = [
  :plain, :with_underscore, :CamelCase, :a?, :b!, :"a b", :"foo-bar", :"1abc",
  :+, :-, :*, :/, :==, :"=>", :"::", :@, :&&, :||, :!, :<>, :++, :|>, :..,
  :"foo.bar", :"", :"é", :"Elixir.Foo", :"Elixir.foo", :"hello\nworld", :"quote\"d"
]

for a <- atoms do
  IO.puts(inspect(a))
end

IO.inspect(atoms)
