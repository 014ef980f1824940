# nix-systems/default for Nixpad: the list of systems, as a flake and as default.nix.
{
  description = "The default systems: x86_64-linux, aarch64-linux, x86_64-darwin, aarch64-darwin";
  outputs = { self }: { };
}
