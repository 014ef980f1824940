let
  # Which files and directories to copy: called with an absolute path and a type.
  keep = path: type:
    type == "directory"
    || (type == "regular" && builtins.match ".*\\.[ch]" (baseNameOf path) != null);
in
{
  inherit keep;
  source = builtins.path {
    path = ./.;
    name = "hello-source";
    filter = keep;
  };
}
