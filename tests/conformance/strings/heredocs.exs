# Heredocs: indentation stripping, interpolation, escapes and ~S.
name = "heredoc"

text = """
Hello from a #{name}.
  Indented line.
Tab:\tafter tab
"""

IO.write(text)

indented = """
    four spaces kept relative
  two spaces is the margin
  """

IO.write(indented)
IO.inspect(indented)

raw = ~S"""
No #{interpolation} here\n
"""

IO.write(raw)
IO.inspect(String.length(text))

IO.puts("""
quotes " inside and \"""escaped triple\"""
""")
