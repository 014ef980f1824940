# A nixpkgs config: import <nixpkgs> { config = import ./config.nix; }
{
}
