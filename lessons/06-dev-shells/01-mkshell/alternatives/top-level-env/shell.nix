# Any attribute mkShell does not know becomes an environment variable.
{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  inputsFrom = [ (pkgs.callPackage ./project.nix { }) ];
  packages = with pkgs; [ jq curl ];
  API_URL = "https://api.example.org";
  shellHook = "echo 'project shell ready'";
}
