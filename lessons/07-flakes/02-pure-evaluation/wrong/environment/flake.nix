{
  description = "A greeting";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      greeting = builtins.getEnv "GREETING";
    in
    {
      packages.x86_64-linux.default = pkgs.writeShellScriptBin "greet" ''
        echo "${if greeting == "" then "Hello, pure world!" else greeting}"
      '';
    };
}
