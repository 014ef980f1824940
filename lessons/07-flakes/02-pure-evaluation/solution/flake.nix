{
  description = "A greeting";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs = { self, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
      greeting = "Hello, pure world!";
    in
    {
      packages.${system}.default = pkgs.writeShellScriptBin "greet" ''
        echo "${greeting}"
      '';
    };
}
