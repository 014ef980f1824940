{ files, ... }:
let
  m = files."main.nix";
  out = name: let d = m.${name} or null; in if builtins.isAttrs d then d.outPath or null else null;
  drv = name: let d = m.${name} or null; in if builtins.isAttrs d then d.drvPath or null else null;
in
[
  { name = "base is the hello derivation"; expected = "/nix/store/fvchbymk0m4jvldpb9m5hy0bjy2lf30k-hello"; actual = out "base"; hint = 1; }
  { name = "renamed: a new name, a new path"; expected = "/nix/store/q1wkx5ycnbnw12npw19a11a67c90g2d8-hi"; actual = out "renamed"; hint = 2; }
  { name = "otherArgs: other arguments, a new path"; expected = "/nix/store/5cw5r66s0czbfzd2hyk9m32q0f2wz457-hello"; actual = out "otherArgs"; hint = 2; }
  { name = "withEnv: one more variable, a new path"; expected = "/nix/store/8r4dpqrjjx3bi2sp5vzd03whr29szhsr-hello"; actual = out "withEnv"; hint = 2; }
  { name = "reordered has the same drvPath as base"; expected = drv "base"; actual = drv "reordered"; hint = 1;
    message = "The attributes are sorted in the .drv file, so their order in your code does not matter."; }
]
