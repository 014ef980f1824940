# rust-overlay-lite: Rust toolchains by channel and version, as an overlay for nixpkgs
# (`rust-bin.stable."1.95.0".default`, `rust-bin.stable.latest.minimal`, `rust-bin.nightly…`),
# each overridable with `targets` and `extensions`.
{
  description = "Rust toolchains by version (rust-overlay-lite)";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";

  outputs =
    { self, nixpkgs }:
    {
      overlays.default = import ./overlay.nix;
      overlays.rust-overlay = self.overlays.default;

      packages = nixpkgs.lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (
        system:
        let
          pkgs = import nixpkgs {
            inherit system;
            overlays = [ self.overlays.default ];
          };
        in
        {
          default = pkgs.rust-bin.stable.latest.default;
          rust = pkgs.rust-bin.stable.latest.default;
        }
      );
    };
}
