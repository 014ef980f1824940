{
  description = "hello, everywhere";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      perSystem = system: {
        name = system;
        value.default = nixpkgs.legacyPackages.${system}.hello;
      };
    in
    {
      packages = builtins.listToAttrs (map perSystem systems);
    };
}
