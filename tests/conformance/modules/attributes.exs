# Module attributes as compile-time constants, and metadata attributes.
defmodule Circle do
  @moduledoc "Circles."
  @pi 3.14159
  @units [:cm, :m]
  @default_unit hd(@units)
  @greeting "hello from " <> "an attribute"

  @doc "Area of a circle."
  @spec area(number) :: float
  def area(r), do: @pi * r * r

  def units, do: @units
  def unit, do: @default_unit
  def greeting, do: @greeting

  @pi 3.0
  def rough_area(r), do: @pi * r * r
end

IO.inspect(Circle.area(2))
IO.inspect(Circle.units())
IO.inspect(Circle.unit())
IO.puts(Circle.greeting())
IO.inspect(Circle.rough_area(2))
