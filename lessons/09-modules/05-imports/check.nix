{ importWith, check, ... }:
let
  lib = import <nixpkgs/lib>;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "the configuration does not evaluate";
  # The learner's module as a file (so its imports resolve beside it), with some files replaced.
  configWith = overrides:
    (lib.evalModules { modules = [ (importWith (overrides // { "probe.nix" = "./machine.nix"; }) "probe.nix") ]; }).config;
  mine = configWith { };
  packagesOf = c: safe (builtins.sort builtins.lessThan c.environment.systemPackages);
in
[
  { name = "the host name is alpha"; hint = 1;
    expected = "alpha"; actual = safe mine.networking.hostName; }
  { name = "the base and web packages, each once, without the telemetry agent"; hint = 2;
    expected = [ "git" "nginx" "vim" ]; actual = packagesOf mine; }
  { name = "a package the web profile adds later is installed too"; hint = 3;
    expected = [ "certbot" "git" "nginx" "vim" ];
    actual = packagesOf (configWith { "web.nix" = ''{ imports = [ ./base.nix ]; environment.systemPackages = [ "nginx" "certbot" ]; }''; }); }
  { name = "whatever the telemetry module does, none of it is in the machine"; hint = 3;
    expected = [ "alpha" [ "git" "nginx" "vim" ] ];
    actual = let c = configWith { "telemetry.nix" = ''{ networking.hostName = "tracked"; environment.systemPackages = [ "spy" ]; }''; };
      in [ (safe c.networking.hostName) (packagesOf c) ]; }
]
