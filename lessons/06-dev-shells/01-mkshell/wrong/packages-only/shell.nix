{ pkgs ? import <nixpkgs> { } }:
pkgs.mkShell {
  packages = [ pkgs.jq pkgs.curl pkgs.pkg-config pkgs.openssl pkgs.zlib ];
  env.API_URL = "https://api.example.org";
  shellHook = ''
    echo "project shell ready"
  '';
}
