{
  description = "hello, everywhere";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      packages = nixpkgs.lib.genAttrs systems (system: { default = pkgs.hello; });
    };
}
