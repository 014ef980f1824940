{ files, importWith, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "the configuration does not evaluate";
  systemOf = configuration: import <nixpkgs/nixos> { inherit configuration; };
  mine = importWith { "probe.nix" = "./configuration.nix"; } "probe.nix";
  # The same configuration beside a hidden, changed profile.
  withOtherProfile = importWith {
    "profile.nix" = ''{ networking.hostName = "box"; services.webserver.virtualHosts."example.org" = { root = "/srv/site"; port = 81; }; }'';
    "probe.nix" = "./configuration.nix";
  } "probe.nix";
  summary = configuration:
    let c = (systemOf configuration).config; host = c.services.webserver.virtualHosts."example.org" or { }; in
    safe { hostName = c.networking.hostName; enabled = c.services.webserver.enable; port = host.port or null; root = host.root or null; };
in
[
  { name = "the system evaluates"; hint = 1;
    ok = builtins.isString (safe (systemOf mine).config.system.build.toplevel.drvPath); }
  { name = "host name web1, web server on, example.org on port 8080 served from the profile's folder"; hint = 2;
    expected = { hostName = "web1"; enabled = true; port = 8080; root = "/var/www"; }; actual = summary mine; }
  { name = "it still follows the profile when the profile changes"; hint = 3;
    expected = { hostName = "web1"; enabled = true; port = 8080; root = "/srv/site"; }; actual = summary withOtherProfile;
    message = "Keep importing profile.nix, and win the conflicts with priorities instead of removing them."; }
]
