{ files, check, ... }:
let
  m = files."main.nix";
  tool = check.attr m "tool";
  user = check.attr m "user";
  userArgs = check.attr user "args";
  userArg = if builtins.isList userArgs && builtins.length userArgs == 2 then builtins.elemAt userArgs 1 else null;
  wantTool = derivation {
    name = "tool";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "out" "dev" "doc" ];
    args = [ "-c" "mkdir -p $out/bin $dev/include $doc; echo 'int tool(void);' > $dev/include/tool.h; echo docs > $doc/README" ];
  };
  wantUser = derivation {
    name = "user";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "cat ${wantTool.dev}/include/tool.h > $out" ];
  };
  output = name: let o = check.attr tool name; in {
    name = "tool.${name} is the ${name} output real Nix computes";
    ok = check.isRealDerivation o && o.outPath == wantTool.${name}.outPath;
    reveal = false;
    why = "tool.${name} must be the `${name}` output of the expected tool derivation.";
    hint = 1;
  };
in
[
  { name = "tool has the outputs out, dev and doc"; expected = [ "out" "dev" "doc" ]; actual = tool.outputs or null; hint = 1; }
  { name = "tool is the derivation real Nix computes"; ok = check.drvDiff wantTool tool == ""; hint = 1;
    reveal = false; why = check.drvDiff wantTool tool; }
  (output "out")
  (output "dev")
  (output "doc")
  { name = "user depends on tool's dev output only"; hint = 2;
    ok = builtins.isString userArg && builtins.getContext userArg == builtins.getContext "${wantTool.dev}";
    reveal = false; why = "The command of user must carry exactly one dependency: tool's dev output."; }
  { name = "user is the derivation real Nix computes"; ok = check.drvDiff wantUser user == ""; hint = 3;
    reveal = false; why = check.drvDiff wantUser user; }
]
