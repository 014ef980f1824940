# Generating a configuration file with an indented string
let
  cfg = { port = 8080; host = "localhost"; debug = true; };
  boolToString = b: if b then "yes" else "no";
in ''
  [server]
  host = ${cfg.host}
  port = ${toString cfg.port}
  debug = ${boolToString cfg.debug}
''
