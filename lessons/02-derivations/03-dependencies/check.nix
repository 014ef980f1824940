{ files, ... }:
let
  m = files."main.nix";
  app = m.app or null;
  command = if builtins.isAttrs app && builtins.isList (app.args or null) && builtins.length app.args == 2
    then builtins.elemAt app.args 1 else null;
in
[
  { name = "the command text is unchanged"; expected = "/nix/store/9y5n1ksqphvsm37qghggff3sdivpdgk2-lib/bin/setup > $out";
    actual = command; hint = 1; }
  { name = "the command's context is lib's output";
    expected = { "/nix/store/hy4y8sqp8cvma0cyxa6yq55hli8jz7xf-lib.drv" = { outputs = [ "out" ]; }; };
    actual = if builtins.isString command then builtins.getContext command else null; hint = 2; }
  { name = "app's drvPath is the one real Nix computes"; expected = "/nix/store/3hxs5nc95sanb1d50ccy6v0d5jp55sna-app.drv";
    actual = app.drvPath or null; hint = 1; }
  { name = "app's outPath is the one real Nix computes"; expected = "/nix/store/yn0f1qi8an18i5pzr3fz13lr6g0jkbvh-app";
    actual = app.outPath or null; hint = 1; }
]
