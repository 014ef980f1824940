{ files, syntax, check, ... }:
let
  m = files."main.nix";
  syn = syntax."main.nix";
  mkServer = args: check.call (check.attr m "mkServer") [ args ];
  strict = v: check.call (check.attr m "strict") [ v ];
  show = label: v: check.call (check.attr m "show") [ label v ];
  # Whether evaluating v to its outermost form succeeds (tryEval looks no deeper).
  evaluates = v: (builtins.tryEval v).success;
in
[
  {
    name = "mkServer { host = \"nixpad.dev\"; port = 8443; }";
    expected = { host = "nixpad.dev"; port = 8443; };
    actual = mkServer { host = "nixpad.dev"; port = 8443; };
    hint = 2;
  }
  {
    name = "a server on port 22 fails even when only its host is read";
    actual = (mkServer { host = "ssh.example"; port = 22; }).host or null;
    throws = "port 22 is privileged";
    hint = 1;
  }
  {
    name = "a server on port 1023 fails as soon as it is evaluated";
    ok = !(evaluates (mkServer { host = "x"; port = 1023; }));
    hint = 1;
  }
  {
    name = "strict gives its value back";
    expected = { a = 1; b = { c = [ "x" { d = true; } ]; }; };
    actual = strict { a = 1; b = { c = [ "x" { d = true; } ]; }; };
    hint = 2;
  }
  {
    name = "strict fails on a failure deep inside, as soon as it is evaluated";
    ok = !(evaluates (strict { a = 1; b = { c = [ "x" (throw "deep inside") ]; }; }));
    hint = 1;
  }
  {
    name = "show gives its value back";
    expected = [ 4 { cores = 8; } ];
    actual = [ (show "jobs" 4) (show "config" { cores = 8; }) ];
    hint = 3;
  }
  {
    name = "show prints the whole value (so it evaluates all of it)";
    actual = (show "settings" { jobs = 4; extra = throw "extra was printed"; }).jobs or null;
    throws = "extra was printed";
    hint = 3;
  }
  (check.syntaxCheck {
    name = "show uses builtins.trace";
    ok = check.usesBuiltin syn "trace";
    hint = 3;
  })
]
