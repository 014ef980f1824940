let
  before = {
    PATH = "/path-not-set";
    HOME = "/homeless-shelter";
    NIX_STORE = "/nix/store";
  };
  after = {
    NIX_BUILD_TOP = "/build";
    TMPDIR = "/build";
    TMP = "/build";
    TEMP = "/build";
    TEMPDIR = "/build";
    PWD = "/build";
    NIX_LOG_FD = "2";
    TERM = "xterm-256color";
  };

  # One rule per type, as the table in the lesson.
  toEnv = value:
    let type = builtins.typeOf value; in
    if type == "string" then value
    else if type == "int" || type == "float" then toString value
    else if type == "bool" then (if value then "1" else "")
    else if type == "null" then ""
    else if type == "list" then builtins.concatStringsSep " " (map toEnv value)
    else if type == "path" then "${value}"
    else value.outPath;

  # The outputs through the derivation itself: `all` lists them, each knows its name.
  env = attrs:
    let drv = derivation attrs; in
    before
    // builtins.mapAttrs (name: toEnv) (removeAttrs attrs [ "args" ])
    // builtins.listToAttrs (map (o: { name = o.outputName; value = o.outPath; }) drv.all)
    // after;
in
{
  inherit toEnv env;
  example = env {
    name = "hello";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "cat $src > $out" ];
    src = ./hello.txt;
    flags = [ "-O2" 3 true ];
    debug = false;
  };
}
