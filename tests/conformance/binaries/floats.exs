# Float segments: 64, 32 and 16 bits, both endiannesses.
IO.inspect(<<1.5::float>>)
IO.inspect(<<1.5::float-32>>)
IO.inspect(<<1.5::float-64-little>>)
IO.inspect(<<1.0::16-float>>)
<<x::float>> = <<1.5::float>>
IO.inspect(x)
<<y::float-32>> = <<0.1::float-32>>
IO.inspect(y)
<<z::float-little-64>> = <<0.1::float-little-64>>
IO.inspect(z)
<<w::float-size(16)>> = <<0x3C, 0x00>>
IO.inspect(w)
IO.inspect(<<3::float>>)
IO.inspect(byte_size(<<2.5::float-32, 2.5::float>>))

r =
  case <<0xFF, 0xF0, 0, 0, 0, 0, 0, 0>> do
    <<v::float>> -> {:float, v}
    _ -> :not_a_float
  end

IO.inspect(r)
