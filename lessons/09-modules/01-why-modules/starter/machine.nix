# The machine alpha: the base profile, the web profile, and its own host name.
# This evaluates to its configuration: hostName, systemPackages and etc.
let
  base = import ./base.nix;
  web = import ./web.nix;
in
base // web // { networking.hostName = "alpha"; }
