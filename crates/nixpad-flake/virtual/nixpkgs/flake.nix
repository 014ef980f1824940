# The flake Nixpad's registry gives for `nixpkgs`: nixpkgs-lite (the files next to this
# one) with the outputs real nixpkgs' flake has that a learner meets first.
{
  description = "nixpkgs-lite: Nixpad's miniature nixpkgs";

  outputs =
    { self }:
    let
      # nixpkgs' flake adds nixosSystem to lib: NixOS from this nixpkgs.
      lib = import ./lib // {
        nixosSystem = args: import ./nixos/lib/eval-config.nix args;
      };
      systems = [
        "x86_64-linux"
        "aarch64-linux"
        "x86_64-darwin"
        "aarch64-darwin"
      ];
    in
    {
      inherit lib;
      # `import nixpkgs { inherit system; }` works too, through outPath and default.nix.
      legacyPackages = lib.genAttrs systems (system: import ./. { inherit system; });
      overlays = { };
    };
}
