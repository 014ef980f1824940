let
  # Which files and directories to copy: called with an absolute path and a type.
  keep = path: type:
    let
      name = baseNameOf path;
      ending = builtins.substring (builtins.stringLength name - 2) 2 name;
    in
    if type == "directory" then builtins.match "[.].*" name == null
    else type == "regular" && builtins.elem ending [ ".c" ".h" ];
in
{
  inherit keep;
  source = builtins.path {
    path = ./.;
    name = "hello-source";
    filter = keep;
  };
}
