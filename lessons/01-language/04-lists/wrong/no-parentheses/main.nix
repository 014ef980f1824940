let
  base = import ./base.nix;
  all = base ++ [ "ripgrep" "jq" ];
in
{
  tools = all;
  count = builtins.length all;
  firstTool = builtins.head all;
  versions = [ toString 1 toString 2 ];
}
