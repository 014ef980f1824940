{ files, importWith, check, ... }:
let
  m = files."main.nix";
  # The same program on data it has never seen.
  other = importWith {
    "settings.toml" = ''
      [server]
      host = "nixpad.dev"
      port = 443
      [logging]
      level = "debug"
    '';
    "users.json" = ''
      [ { "name": "edsger", "admin": false, "shell": "sh" },
        { "name": "barbara", "admin": true, "shell": "fish" },
        { "name": "ken", "admin": true, "shell": "sh" },
        { "name": "dennis", "admin": true, "shell": "sh" } ]
    '';
  } "main.nix";
  nobody = importWith { "users.json" = "[]"; } "main.nix";
in
[
  {
    name = "url is \"http://example.org:8080\"";
    expected = "http://example.org:8080";
    actual = m.url or null;
    hint = 2;
  }
  {
    name = "admins lists the admins of users.json";
    expected = [ "ada" "linus" ];
    actual = m.admins or null;
    hint = 1;
  }
  {
    name = "report is JSON holding url and admins";
    expected = builtins.toJSON { admins = [ "ada" "linus" ]; url = "http://example.org:8080"; };
    actual = m.report or null;
    hint = 3;
  }
  {
    name = "url follows settings.toml when it changes";
    expected = "http://nixpad.dev:443";
    actual = other.url or null;
    hint = 2;
    message = "The checks replaced settings.toml with other settings: read the file, do not copy its values.";
  }
  {
    name = "admins follows users.json when it changes";
    expected = [ [ "barbara" "ken" "dennis" ] [ ] ];
    actual = [ (other.admins or null) (nobody.admins or null) ];
    hint = 1;
    message = "The checks replaced users.json with other users: read the file, do not copy its values.";
  }
  {
    name = "report follows both files";
    expected = builtins.toJSON { admins = [ "barbara" "ken" "dennis" ]; url = "http://nixpad.dev:443"; };
    actual = other.report or null;
    hint = 3;
  }
]
