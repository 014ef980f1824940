{
  description = "A pinned project";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";
  inputs.flake-utils = {
    type = "github";
    owner = "numtide";
    repo = "flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }: {
    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;
    pinned = {
      nixpkgs = nixpkgs.shortRev;
      flake-utils = flake-utils.shortRev;
    };
  };
}
