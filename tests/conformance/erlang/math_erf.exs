# :math.erf/1 and :math.erfc/1.
IO.inspect(:math.erf(0.5))
IO.inspect(:math.erfc(0.5))
IO.inspect(:math.erf(-2))
IO.inspect(:math.erf(0))
