{ files, importWith, check, ... }:
let
  m = files."main.nix";
  toEnv = check.attr m "toEnv";
  env = check.attr m "env";

  # The lesson's hello.txt as a path value (read through a probe file beside it).
  helloTxt = importWith { "probe.nix" = "./hello.txt"; } "probe.nix";
  base = { name = "probe"; system = "x86_64-linux"; builder = "/bin/sh"; };
  dep = derivation (base // { name = "dep"; args = [ "-c" "echo > $out" ]; });
  # A derivation holding `value`, and one holding the learner's string for it: the same
  # derivation exactly when the string is what the builder sees.
  drvPathWith = value: (derivation (base // { v = value; })).drvPath;
  seesSame = value:
    check.isFn toEnv && (let s = toEnv value; in builtins.isString s && drvPathWith s == drvPathWith value);

  # Hidden inputs for `env`.
  single = base // { args = [ "-c" "cat $src > $out" ]; src = helloTxt; jobs = 4; check = true; deps = [ dep "x" ]; };
  multi = base // { name = "multi"; outputs = [ "out" "lib" ]; lto = null; };
  overriding = base // { PATH = "/opt/tools/bin"; TMPDIR = "/var/tmp"; };
  envOf = attrs: if check.isFn env then env attrs else null;
  var = attrs: name: let e = envOf attrs; in if builtins.isAttrs e then e.${name} or null else null;

  # The reference answer, to compare whole environments without printing them.
  refToEnv = value:
    if builtins.isList value then builtins.concatStringsSep " " (map refToEnv value)
    else if builtins.isPath value then "${value}"
    else toString value;
  refEnv = attrs:
    let drv = derivation attrs; in
    { PATH = "/path-not-set"; HOME = "/homeless-shelter"; NIX_STORE = "/nix/store"; }
    // builtins.mapAttrs (name: refToEnv) (removeAttrs attrs [ "args" ])
    // builtins.listToAttrs (map (name: { inherit name; value = drv.${name}.outPath; }) (attrs.outputs or [ "out" ]))
    // { NIX_BUILD_TOP = "/build"; TMPDIR = "/build"; TMP = "/build"; TEMP = "/build"; TEMPDIR = "/build";
         PWD = "/build"; NIX_LOG_FD = "2"; TERM = "xterm-256color"; };
  missing = attrs: let e = envOf attrs; in
    if builtins.isAttrs e then builtins.attrNames (removeAttrs (refEnv attrs) (builtins.attrNames e)) else null;
  extra = attrs: let e = envOf attrs; in
    if builtins.isAttrs e then builtins.attrNames (removeAttrs e (builtins.attrNames (refEnv attrs))) else null;
in
[
  { name = "toEnv turns strings, numbers, booleans and null into what the builder sees";
    expected = [ "make -j" "7" "0.250000" "1" "" "" ];
    actual = if check.isFn toEnv then map toEnv [ "make -j" 7 0.25 true false null ] else null; hint = 1; }
  { name = "toEnv joins a list's elements with spaces, flattening nested lists";
    expected = "--fast 8 1  x y";
    actual = if check.isFn toEnv then toEnv [ "--fast" 8 true null [ "x" [ "y" ] ] ] else null; hint = 1; }
  { name = "toEnv gives a path's store copy, as derivation does"; ok = seesSame helloTxt; hint = 2;
    reveal = false; why = "A derivation holding your string for `./hello.txt` differs from one holding the path itself: the builder sees the path after it is copied into the store."; }
  { name = "toEnv copies paths inside lists too"; ok = seesSame [ "-I" helloTxt ]; hint = 2;
    reveal = false; why = "A list element that is a path is copied into the store as well."; }
  { name = "toEnv gives a derivation's output path, as derivation does"; ok = seesSame dep; hint = 1;
    reveal = false; why = "A derivation attribute is seen as its output path (and makes that derivation an input)."; }
  { name = "env has Nix's own variables"; hint = 3;
    expected = { HOME = "/homeless-shelter"; NIX_BUILD_TOP = "/build"; NIX_STORE = "/nix/store"; PATH = "/path-not-set"; TMPDIR = "/build"; };
    actual = let e = envOf single; in
      if builtins.isAttrs e then builtins.intersectAttrs { HOME = 0; NIX_BUILD_TOP = 0; NIX_STORE = 0; PATH = 0; TMPDIR = 0; } e else e; }
  { name = "env has every attribute except args, converted"; hint = 2;
    expected = { check = "1"; jobs = "4"; name = "probe"; };
    actual = let e = envOf single; in
      if builtins.isAttrs e then builtins.intersectAttrs { check = 0; jobs = 0; name = 0; args = 0; } e else e; }
  { name = "env's paths and derivations are what derivation makes of them";
    ok = var single "src" == refToEnv helloTxt && var single "deps" == refToEnv [ dep "x" ]; hint = 2;
    reveal = false; why = "Convert each attribute with `toEnv`: `src` is a path and `deps` holds a derivation."; }
  { name = "env's out is the derivation's output path"; ok = var single "out" == (derivation single).outPath; hint = 3;
    reveal = false; why = "`out` holds the path of the `out` output: `(derivation attrs).out.outPath`."; }
  { name = "env has one variable per output"; hint = 3;
    ok = var multi "out" == (derivation multi).out.outPath && var multi "lib" == (derivation multi).lib.outPath
      && var multi "outputs" == "out lib";
    reveal = false; why = "With `outputs = [ \"out\" \"lib\" ]`, the builder sees `out` and `lib` (the paths) and `outputs` (the list, as words)."; }
  { name = "your own PATH wins, but not your TMPDIR"; hint = 3;
    expected = { PATH = "/opt/tools/bin"; TMPDIR = "/build"; };
    actual = let e = envOf overriding; in if builtins.isAttrs e then builtins.intersectAttrs { PATH = 0; TMPDIR = 0; } e else e; }
  { name = "env has no variable missing"; expected = [ ]; actual = missing single; hint = 3; }
  { name = "env has no variable too many"; expected = [ ]; actual = extra single; hint = 2; }
  { name = "env is exactly what the build sees"; ok = envOf single == refEnv single && envOf multi == refEnv multi;
    hint = 3; reveal = false; why = "Some variable holds another value than in a real build."; }
]
