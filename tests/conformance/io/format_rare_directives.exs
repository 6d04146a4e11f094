# :io.format directives ~i ~X ~# ~+ ~W ~P and * (width/precision taken from the arguments).
:io.format("~i~w~n", [:ignored, :shown])
:io.format("~.16X|~.16#|~.16+~n", [255, '0x', 255, 255])
:io.format("~.2X~n", [-5, 'b'])
:io.format("~W~n", [[1, 2, 3, 4, 5, 6], 3])
:io.format("~P~n", [[1, [2, [3, [4]]]], 3])
:io.format("~*w|~-*w|~n", [6, :ab, 6, :cd])
:io.format("~.*f~n", [3, 3.14159])
