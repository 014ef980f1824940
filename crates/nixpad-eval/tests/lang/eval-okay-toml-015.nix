# experimental-features: parse-toml-timestamps
# TOML timestamps as Nix writes them back: delimiter as written, nine digits of fraction, a zero offset as Z, an offset in minutes normalised
builtins.fromTOML ''
  odt = 1979-05-27t07:32:00.1234567891z
  offset = 1979-05-27 07:32:00+05:60
  zero = 1979-05-27T07:32:00-00:00
  ldt = 1979-05-27T07:32:00
  ld = 2000-02-29
  lt = [ 07:32:00, 23:59:60.5 ]
''
