# networking.hostName is checked against its pattern.
(import <nixpkgs/nixos> {
  configuration = { networking.hostName = "my host"; };
}).config.networking.hostName
