# flake-parts-lite: flake-parts' `mkFlake` with `systems` and `perSystem`, written for
# Nixpad. perSystem gets { system, pkgs (when the flake has a nixpkgs input), self', inputs' }.
{
  description = "flake-parts-lite: outputs from perSystem modules";

  outputs =
    { self }:
    {
      lib.mkFlake = import ./mk-flake.nix;
    };
}
