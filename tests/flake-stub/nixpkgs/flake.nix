# A stand-in for nixpkgs, for tests/flake-stub/run.sh: the few functions and packages
# Nixpad's flake.nix uses, each a cheap derivation that records what it was given, so
# that real Nix can evaluate the flake's outputs without the network. Not nixpkgs code.
{
  outputs =
    { self }:
    {
      lib = import ./lib.nix;
    };
}
