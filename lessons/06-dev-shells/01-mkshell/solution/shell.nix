# A development shell for working on `project` (in project.nix): everything needed to
# build it, plus jq and curl on PATH, the variable API_URL set to
# "https://api.example.org", and the message "project shell ready" printed on entry.
{ pkgs ? import <nixpkgs> { } }:
let
  project = pkgs.callPackage ./project.nix { };
in
pkgs.mkShell {
  inputsFrom = [ project ];
  packages = [ pkgs.jq pkgs.curl ];
  env.API_URL = "https://api.example.org";
  shellHook = ''
    echo "project shell ready"
  '';
}
