{ files, ... }:
let
  m = files."main.nix";
  call = args: if builtins.isFunction (m.mkServer or null) then m.mkServer args else null;
  formals = if builtins.isFunction (m.mkServer or null) then builtins.functionArgs m.mkServer else { };
in
[
  { name = "takes name (required) and port (with a default)"; expected = { name = false; port = true; }; actual = formals; hint = 1; }
  { name = "mkServer { name = \"a\"; } gives url http://a:80"; expected = "http://a:80";
    actual = (call { name = "a"; }).url or null; hint = 1; }
  { name = "port can be given"; expected = "http://b:8080"; actual = (call { name = "b"; port = 8080; }).url or null; hint = 1; }
  { name = "extra attributes are accepted and returned in extra"; expected = { tls = true; user = "www"; };
    actual = (call { name = "c"; tls = true; user = "www"; }).extra or null; hint = 2; }
]
