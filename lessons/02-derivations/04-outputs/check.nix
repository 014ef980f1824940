{ files, ... }:
let
  m = files."main.nix";
  tool = m.tool or null;
  output = name: if builtins.isAttrs tool && builtins.isAttrs (tool.${name} or null) then tool.${name}.outPath or null else null;
  userArg = if builtins.isList (m.user.args or null) then builtins.elemAt m.user.args 1 else null;
in
[
  { name = "tool has the outputs out, dev and doc"; expected = [ "out" "dev" "doc" ]; actual = tool.outputs or null; hint = 1; }
  { name = "tool.dev is the path real Nix computes"; expected = "/nix/store/jcnz9ash8a73nwdsq1ig2iayzi65rg06-tool-dev"; actual = output "dev"; hint = 1; }
  { name = "tool.doc is the path real Nix computes"; expected = "/nix/store/48l7wicrlhy3ndaprvj2cvsms15wsrlm-tool-doc"; actual = output "doc"; hint = 1; }
  { name = "tool.out is the path real Nix computes"; expected = "/nix/store/z0gshqk9gzv3xm6jfdxsrvzkjnalz7dh-tool"; actual = output "out"; hint = 1; }
  { name = "user depends on tool's dev output only";
    expected = { "/nix/store/pbjy31q7w0sqlxlizbkv20201rlg0m0s-tool.drv" = { outputs = [ "dev" ]; }; };
    actual = if builtins.isString userArg then builtins.getContext userArg else null; hint = 2; }
  { name = "user's outPath is the one real Nix computes"; expected = "/nix/store/7ywfna270rrmyj5rsm4wlpisdb1ax6nj-user";
    actual = m.user.outPath or null; hint = 2; }
]
