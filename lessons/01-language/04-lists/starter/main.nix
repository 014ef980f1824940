let
  base = import ./base.nix;
in
{
  tools = base;
  count = 0;
  firstTool = null;
  versions = [ toString 1 toString 2 ];
}
