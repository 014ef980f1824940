{ files, syntax, importWith, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  # The same code on a config it has never seen.
  other = importWith { "config.nix" = ''
    { server = { port = 8443; tls = { enable = true; }; }; users."ada.l".name = "Ada King"; }
  ''; } "main.nix";
in
[
  { name = "port falls back to 80"; expected = 80; actual = m.port or null; hint = 1; }
  (check.syntaxCheck { name = "port and enabled use `or` defaults"; ok = s.uses.or >= 2; hint = 2;
    message = "Read `config.server.port` with a default: `… or 80`."; })
  { name = "hasTls is false"; expected = false; actual = m.hasTls or null; hint = 2; }
  (check.syntaxCheck { name = "hasTls asks the set with `?`"; ok = check.uses s "hasAttr" || check.usesBuiltin s "hasAttr"; hint = 2; })
  { name = "userName is \"Ada Lovelace\""; expected = "Ada Lovelace"; actual = m.userName or null; hint = 3; }
  (check.syntaxCheck { name = "the answers are read from config"; ok = (s.variables.config or 0) >= 4; hint = 1;
    message = "Each answer should read `config`, not repeat its values."; })
  { name = "it works for another config too"; hint = 2; reveal = false;
    expected = { port = 8443; hasTls = true; userName = "Ada King"; enabled = true; };
    actual = { port = other.port or null; hasTls = other.hasTls or null; userName = other.userName or null; enabled = other.enabled or null; };
    why = "With another config.nix, every answer must follow: read them from `config`, with defaults only for what is missing."; }
  { name = "enabled is false"; expected = false; actual = m.enabled or null; hint = 1; }
]
