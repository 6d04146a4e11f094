# :io.format numbers: ~e/~f/~g rounding from float_to_list's 21 digits (half up, with
# carries), very large and small values, integers in bases with prefixes, pad characters.
floats = [0.5, 0.05, 0.125, 1.0e-10, 9.9999, 99.5, 999999.5, 1.0e20, 1.0e30, 123.456, 2.5, 0.015, 1.45]

for f <- floats do
  :io.format("~e ~.2e ~.3f ~.1f ~g ~.2g ~.10g~n", [f, f, f, f, f, f, f])
end

:io.format("~f ~e ~g~n", [-3.75, -3.75, -3.75])
:io.format("~12.3f|~-12.3e|~12.4.*g|~n", [3.14159, 3.14159, ?_, 3.14159])
:io.format("~.16b ~.16B ~.36B ~.2b~n", [255, 255, 123_456_789, -10])
:io.format("~x|~X|~.16x|~.16X|~12.16.0X|~n", [255, :"0x", 255, :h, -255, '#', 255, [?0, 'x'], 255, '0x'])
:io.format("~+|~#|~.2+|~.8#|~10.16#|~-10.16+|~n", [42, 42, -5, 8, 255, 255])
:io.format("~b|~.10.xB|~-6b|~n", [123_456_789_012_345_678_901_234_567_890, 7, 9])
