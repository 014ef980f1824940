let
  # Which files and directories to copy: called with an absolute path and a type.
  keep = path: type:
    if type == "directory" then builtins.substring 0 1 path != "."
    else builtins.elem path [ "hello.c" "hello.h" ];
in
{
  inherit keep;
  source = builtins.path {
    path = ./.;
    name = "hello-source";
    filter = keep;
  };
}
