# :erlang.statistics(:garbage_collection) counts every collection in the system and the
# words they reclaimed; the counts only grow.
{gcs, words, 0} = :erlang.statistics(:garbage_collection)
IO.inspect(is_integer(gcs) and gcs >= 0 and is_integer(words) and words >= 0)
_ = Enum.map(1..1_000, &{&1})
:erlang.garbage_collect()
{gcs2, words2, 0} = :erlang.statistics(:garbage_collection)
IO.inspect(gcs2 > gcs and words2 >= words)
for _ <- 1..5, do: :erlang.garbage_collect()
{gcs3, _, 0} = :erlang.statistics(:garbage_collection)
IO.inspect(gcs3 >= gcs2 + 5)
