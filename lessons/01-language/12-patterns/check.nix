{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  call = args: check.call (check.attr m "mkServer") [ args ];
  formals = if check.isFn (m.mkServer or null) then builtins.functionArgs m.mkServer else { };
in
[
  { name = "takes name (required) and port (with a default)"; expected = { name = false; port = true; }; actual = formals; hint = 1; }
  { name = "mkServer { name = \"a\"; } gives url http://a:80"; expected = "http://a:80";
    actual = (call { name = "a"; }).url or null; hint = 1; }
  { name = "port can be given"; expected = "http://b:8080"; actual = (call { name = "b"; port = 8080; }).url or null; hint = 1; }
  { name = "extra attributes are accepted and returned in extra"; expected = { tls = true; user = "www"; };
    actual = (call { name = "c"; tls = true; user = "www"; }).extra or null; hint = 2; }
  { name = "any extra attributes"; expected = { colour = "red"; }; actual = (call { name = "d"; port = 1; colour = "red"; }).extra or null;
    reveal = false; why = "extra must hold exactly the attributes other than name and port."; hint = 3; }
  (check.syntaxCheck { name = "mkServer takes a set pattern with ..."; ok = check.uses s "setPattern" && check.uses s "ellipsis"; hint = 2; })
]
