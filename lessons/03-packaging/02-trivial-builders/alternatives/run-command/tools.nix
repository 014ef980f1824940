# The file written by runCommand, the folder joined by hand with symlinkJoin's cousin.
{ pkgs }:
let
  config = pkgs.runCommand "app.conf" { } ''
    echo "port = 8080" > $out
  '';
  checker = pkgs.writeShellApplication {
    name = "check-config";
    runtimeInputs = with pkgs; [ gnugrep ];
    text = "grep -q port ${config}";
  };
in
{
  inherit config checker;
  toolbox = pkgs.symlinkJoin { name = "toolbox"; paths = [ checker pkgs.jq ]; };
}
