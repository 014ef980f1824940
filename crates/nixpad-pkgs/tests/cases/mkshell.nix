# mkShell: `packages` become native build inputs, `inputsFrom` brings in another
# package's inputs, shellHooks are joined, other attributes become environment variables.
let
  pkgs = import <nixpkgs> { };
  shell = pkgs.mkShell {
    packages = [ pkgs.jq ];
    inputsFrom = [ pkgs.curl pkgs.htop ];
    shellHook = "echo ready";
    DATABASE_URL = "sqlite:dev.db";
  };
in
{
  inherit (shell) name shellHook DATABASE_URL;
  native = map (d: d.pname) shell.nativeBuildInputs;
  build = map (d: d.pname) shell.buildInputs;
  isDerivation = pkgs.lib.isDerivation shell;
}
