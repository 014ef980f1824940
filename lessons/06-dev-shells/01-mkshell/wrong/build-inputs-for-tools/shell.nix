{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  inputsFrom = [ (pkgs.callPackage ./project.nix { }) ];
  buildInputs = [ pkgs.jq pkgs.curl ];
  env.API_URL = "https://api.example.org";
  shellHook = ''
    echo "project shell ready"
  '';
}
