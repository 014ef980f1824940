{
  description = "A greeter";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      packages.x86_64-linux.greet = pkgs.writeShellScriptBin "greet" ''
        echo "Hello from a flake app"
      '';
      packages.x86_64-linux.default = self.packages.x86_64-linux.greet;

      apps.x86_64-linux.default = {
        type = "app";
        program = "${self.packages.x86_64-linux.greet}/bin/greet";
        meta.description = "Greets from the flake";
      };
    };
}
