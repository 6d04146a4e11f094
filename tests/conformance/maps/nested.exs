# Nested maps: updating deep values with put_in/update_in and by hand.
data = %{
  users: %{
    "ada" => %{age: 36, langs: [:analytical_engine]},
    "alan" => %{age: 41, langs: [:ace]}
  },
  count: 2
}

IO.inspect(data)
IO.inspect(put_in(data, [:users, "ada", :age], 37))
IO.inspect(update_in(data, [:users, "alan", :langs], fn l -> [:turing_machine | l] end))
IO.inspect(data.users["ada"].age)

ada = data.users["ada"]
data2 = %{data | users: %{data.users | "ada" => %{ada | age: 100}}}
IO.inspect(data2.users["ada"])
IO.inspect(data2 == data)
IO.inspect(put_in(data.count, 3).count)
