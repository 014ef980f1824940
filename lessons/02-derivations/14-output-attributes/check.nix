{ files, check, ... }:
let
  m = files."main.nix";
  outputPaths = check.attr m "outputPaths";
  withAttrs = check.attr m "withAttrs";

  # Hidden derivations: one with a single output, one with three.
  single = derivation { name = "zlib"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo > $out" ]; };
  split = derivation {
    name = "openssl";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "bin" "lib" "man" ];
    args = [ "-c" "mkdir $bin $lib $man" ];
  };
  paths = d: builtins.listToAttrs (map (o: { name = o.outputName; value = o.outPath; }) d.all);
  pathsOf = d: if check.isFn outputPaths then outputPaths d else null;

  changed = d: changes: if check.isFn withAttrs then withAttrs d changes else null;
  # The expected result of `withAttrs d changes`, and how the learner's differs.
  expectedChange = d: changes: (derivation (d.drvAttrs // changes)).${d.outputName};
  # Whether `derivation` can turn a value into an environment variable.
  convertible = v:
    let type = builtins.typeOf v; in
    builtins.elem type [ "string" "int" "float" "bool" "null" "path" ]
    || (type == "list" && builtins.all convertible v)
    || (type == "set" && (v ? outPath || v ? __toString));
  # The attributes of the learner's result that `derivation` could not use (read from
  # `drvAttrs`, which does not compute the derivation), so they are named instead of failing.
  unusable = actual: builtins.filter (n: !(convertible actual.drvAttrs.${n})) (builtins.attrNames actual.drvAttrs);
  changeDiff = d: changes:
    let actual = changed d changes; in
    if !(check.isDerivation actual && actual ? drvAttrs) then "`withAttrs` did not return a derivation."
    else if unusable actual != [ ] then
      "`derivation` was given ${builtins.concatStringsSep ", " (map (n: "`${n}`") (unusable actual))}, which cannot become environment variables: start from the attributes `derivation` was given."
    else check.drvDiff (expectedChange d changes) actual;
  sameOutput = d: changes:
    let actual = changed d changes; in
    changeDiff d changes == "" && (actual.outputName or null) == d.outputName
    && (actual.outPath or null) == (expectedChange d changes).outPath;
in
[
  { name = "outputPaths of a derivation without `outputs`"; hint = 1;
    ok = pathsOf single == paths single;
    reveal = false; why = "A derivation without `outputs` has one output, `out`: expect a set with `out` only, holding its path."; }
  { name = "outputPaths of a derivation with three outputs"; hint = 1;
    ok = pathsOf split == paths split;
    reveal = false; why = "Expect the names `bin`, `lib` and `man`, each mapped to that output's path."; }
  { name = "outputPaths from any output of it"; hint = 1;
    ok = pathsOf split.man == paths split;
    reveal = false; why = "`split.man` is the same derivation: it has the same outputs."; }
  { name = "withAttrs makes the derivation again with the changes"; hint = 2;
    ok = changeDiff single { name = "zlib-ng"; CFLAGS = "-O3"; } == "";
    message = changeDiff single { name = "zlib-ng"; CFLAGS = "-O3"; };
    reveal = false; why = "The result should be `derivation` applied to the original attributes with the changes."; }
  { name = "withAttrs keeps the output that d is"; hint = 3;
    ok = sameOutput split.lib { name = "libressl"; } && sameOutput split.man { name = "libressl"; } && sameOutput split { name = "libressl"; };
    reveal = false; why = "`withAttrs split.lib …` must be the `lib` output of the new derivation (its `outputName` and `outPath`)."; }
]
