hostName: modules:
let
  lib = import <nixpkgs/lib>;
in
lib.evalModules {
  modules = [ ./web.nix { _module.args = { inherit hostName; domain = lib.mkDefault "example.org"; }; } ] ++ modules;
}
