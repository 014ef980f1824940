let
  # Set by Nix before your attributes: an attribute of the same name replaces them.
  before = {
    # PATH = …; HOME = …; NIX_STORE = …;
  };
  # Set by Nix after your attributes: they always win.
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

  # The string the builder sees for one attribute's value.
  toEnv = value: "";

  # Every variable a sandboxed build of `derivation attrs` sees (except NIX_BUILD_CORES).
  env = attrs: after;
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
