{
  description = "A greeter";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      greet = pkgs.writeShellScriptBin "greet" ''
        echo "Hello from a flake app"
      '';
    in
    {
      packages.x86_64-linux = { inherit greet; default = greet; };
      apps.x86_64-linux.default = {
        type = "app";
        program = nixpkgs.lib.getExe self.packages.x86_64-linux.greet;
        meta.description = "Greets from the flake";
      };
    };
}
