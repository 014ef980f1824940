# A stand-in for rust-overlay in tests/flake-stub/run.sh: `rust-bin.stable.VERSION.default`
# with `override { targets; extensions; }`, recording what was asked for.
{
  # Nixpad's flake makes this input follow its own nixpkgs (the stub): never fetched.
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs =
    { self, nixpkgs }:
    {
      overlays.default = final: prev: {
        rust-bin.stable = builtins.listToAttrs (
          map (version: {
            name = version;
            value.default.override =
              { targets, extensions }:
              derivation {
                name = "rust-${version}";
                system = "x86_64-linux";
                builder = "/bin/sh";
              }
              // {
                inherit version targets extensions;
              };
          }) [ "1.95.0" ]
        );
      };
    };
}
