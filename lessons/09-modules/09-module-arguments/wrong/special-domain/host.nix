hostName: modules:
let
  lib = import <nixpkgs/lib>;
in
lib.evalModules {
  specialArgs = { inherit hostName; domain = "example.org"; };
  modules = [ ./web.nix ] ++ modules;
}
