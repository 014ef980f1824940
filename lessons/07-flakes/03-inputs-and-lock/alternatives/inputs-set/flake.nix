{
  description = "A pinned project";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";
    flake-utils.type = "github";
    flake-utils.owner = "numtide";
    flake-utils.repo = "flake-utils";
  };

  outputs = inputs@{ self, nixpkgs, ... }: {
    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;
    pinned = builtins.mapAttrs (name: input: input.shortRev) { inherit (inputs) nixpkgs flake-utils; };
  };
}
