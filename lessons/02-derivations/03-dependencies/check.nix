{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  app = check.attr m "app";
  args = check.attr app "args";
  command = if builtins.isList args && builtins.length args == 2 then builtins.elemAt args 1 else null;
  lib = derivation {
    name = "lib";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "mkdir -p $out/bin; echo 'echo set up' > $out/bin/setup" ];
  };
  want = derivation {
    name = "app";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "${lib}/bin/setup > $out" ];
  };
in
[
  { name = "the command text is unchanged"; ok = command == "${lib}/bin/setup > $out"; hint = 1;
    reveal = false; why = "The command must still run lib's bin/setup and write to $out."; }
  { name = "the command's context is lib's output"; hint = 2;
    ok = builtins.isString command && builtins.getContext command == builtins.getContext "${lib}";
    reveal = false; why = "The command string must carry lib as its dependency: build it from lib itself, not from its path typed as text."; }
  { name = "app is the derivation real Nix computes"; ok = check.drvDiff want app == ""; hint = 3;
    reveal = false; why = check.drvDiff want app; }
  (check.syntaxCheck { name = "the command refers to lib"; ok = (s.variables.lib or 0) >= 2; hint = 1; })
]
