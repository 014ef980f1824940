let
  # Which files and directories to copy: called with an absolute path and a type.
  keep = path: type:
    let name = baseNameOf path; in
    if type == "directory" then builtins.substring 0 1 name != "."
    else type == "regular" && builtins.match ".*\\.[ch]" name != null;
in
{
  inherit keep;
  source = builtins.path {
    path = ./.;
    name = "hello-source";
  };
}
