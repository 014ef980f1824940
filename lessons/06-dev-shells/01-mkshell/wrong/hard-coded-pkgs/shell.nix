{ pkgs ? import <nixpkgs> { } }:
let
  nixpkgs = import <nixpkgs> { };
  project = nixpkgs.callPackage ./project.nix { };
in
nixpkgs.mkShell {
  inputsFrom = [ project ];
  packages = [ nixpkgs.jq nixpkgs.curl ];
  env.API_URL = "https://api.example.org";
  shellHook = ''
    echo "project shell ready"
  '';
}
