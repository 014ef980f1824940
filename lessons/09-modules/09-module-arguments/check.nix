{ files, importWith, check, ... }:
let
  lib = import <nixpkgs/lib>;
  host = files."host.nix";
  run = name: modules: let r = check.call host [ name modules ]; in r;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "the configuration does not evaluate";
  config = name: modules: safe ((run name modules).config or null);
  pick = c: if builtins.isAttrs c then { url = c.url or null; port = c.port or null; } else c;
  # A hidden host, through a file added beside the others.
  gamma = importWith { "gamma.nix" = "{ port = 7070; }"; } "host.nix";
  gammaConfig = let r = builtins.tryEval (builtins.deepSeq ((gamma "gamma" [ ]).config.url) (gamma "gamma" [ ]).config); in if r.success then r.value else "the configuration does not evaluate";
in
[
  { name = "alpha: its url and its own settings"; hint = 1;
    expected = { url = "https://alpha.example.org"; port = 8080; }; actual = pick (config "alpha" [ ]); }
  { name = "beta: the same module, the other host's file"; hint = 2;
    expected = { url = "https://beta.example.org"; port = 9090; }; actual = pick (config "beta" [ ]); }
  { name = "a host the page never showed"; hint = 2;
    expected = { url = "https://gamma.example.org"; port = 7070; }; actual = pick gammaConfig; }
  { name = "a module can change the domain"; hint = 3;
    expected = "https://alpha.nixpad.dev"; actual = (pick (config "alpha" [ { _module.args.domain = "nixpad.dev"; } ])).url or null; }
  { name = "hostName is fixed by the caller (specialArgs)"; hint = 2;
    expected = "alpha"; actual = safe ((run "alpha" [ ])._module.specialArgs.hostName or null); }
]
