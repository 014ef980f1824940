let
  base = [ "git" "curl" ];
in
{
  tools = base;
  count = 0;
  firstTool = null;
  versions = [ toString 1 toString 2 ];
}
