# Every nixos-lite module, imported by every configuration.
[
  ./misc/assertions.nix
  ./misc/nixpkgs.nix
  ./config/networking.nix
  ./config/users.nix
  ./config/system-path.nix
  ./system/etc.nix
  ./system/systemd.nix
  ./system/top-level.nix
  ./services/webserver.nix
]
