# flake-utils-lite: the helpers of numtide's flake-utils most flakes use, written for Nixpad.
{
  description = "flake-utils-lite: per-system outputs without repeating yourself";

  inputs.systems.url = "github:nix-systems/default";

  outputs =
    { self, systems }:
    {
      lib = import ./lib.nix { defaultSystems = import systems; };
    };
}
