{
  description = "A greeter, as an overlay";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      greet = pkgs.writeShellScriptBin "greet" ''
        ${pkgs.hello}/bin/hello -g "Hello from an overlay"
      '';
    in
    {
      overlays.default = final: prev: { inherit greet; };
      packages.x86_64-linux = { inherit greet; default = greet; };
    };
}
