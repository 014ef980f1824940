let
  # Which files and directories to copy: called with an absolute path and a type.
  keep = path: type: true;
in
{
  inherit keep;
  source = "${./.}";
}
