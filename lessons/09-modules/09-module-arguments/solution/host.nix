# host HOSTNAME MODULES: the configuration of one host. The module arguments are
# `hostName` (fixed by this function: modules may use it in `imports`) and `domain`
# ("example.org", a default that any module may replace).
hostName: modules:
let
  lib = import <nixpkgs/lib>;
in
lib.evalModules {
  specialArgs = { inherit hostName; };
  modules = [ ./web.nix { _module.args.domain = lib.mkDefault "example.org"; } ] ++ modules;
}
