# The machine alpha: the base profile, the web profile, and its own host name.
# This evaluates to its configuration: hostName, systemPackages and etc.
let
  lib = import <nixpkgs/lib>;
in
(lib.evalModules {
  modules = [ ./os.nix ./base.nix ./web.nix { networking.hostName = "alpha"; } ];
}).config
