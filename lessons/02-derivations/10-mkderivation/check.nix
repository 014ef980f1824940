{ files, check, ... }:
let
  m = files."main.nix";
  mk = check.attr m "mkDerivation";

  # The reference translation.
  reference = { name, installPhase, buildPhase ? "", system ? "x86_64-linux", ... }@attrs:
    derivation (removeAttrs attrs [ "buildPhase" "installPhase" ] // {
      inherit system;
      builder = "/bin/sh";
      args = [ "-c" "set -e\n${buildPhase}\n${installPhase}\n" ];
    });

  # What differs between the expected derivation and the learner's, as a sentence ("" when
  # equal). The attributes `derivation` requires are looked for first, in `drvAttrs` (which
  # does not compute the derivation), so that a missing one is named instead of failing.
  differences = attrs:
    if !check.isFn mk then "`mkDerivation` is not a function."
    else let d = mk attrs; in
      if !(check.isDerivation d && d ? drvAttrs) then "`mkDerivation` did not return a derivation."
      else
        let missing = builtins.filter (n: !(d.drvAttrs ? ${n})) [ "name" "system" "builder" ]; in
        if missing != [ ] then "`derivation` was called without ${builtins.concatStringsSep ", " missing}."
        else check.drvDiff (reference attrs) d;
  same = title: hint: attrs: {
    name = title;
    ok = differences attrs == "";
    message = differences attrs;
    inherit hint;
    reveal = false;
    why = "The derivation differs from the expected one.";
  };
in
[
  (same "without buildPhase or system, the defaults apply" 1 { name = "minimal"; installPhase = "touch $out"; })
  (same "a caller's system is kept" 2 { name = "for-arm"; system = "aarch64-linux"; installPhase = "echo arm > $out"; })
  (same "the phases become the script, one per line after set -e" 3 {
    name = "greeting";
    buildPhase = "text=\"$salutation, $who\"\necho \"$text\" > greeting.txt";
    installPhase = "mkdir -p $out\ncp greeting.txt $out/";
    salutation = "Hi";
    who = "Nix";
  })
  (same "other attributes pass through, as environment variables" 2 {
    name = "split";
    outputs = [ "out" "doc" ];
    version = "1.2";
    installPhase = "mkdir $out $doc";
  })
  { name = "the phases are not environment variables"; hint = 2;
    expected = false;
    actual = if check.isFn mk then (mk { name = "probe"; buildPhase = "true"; installPhase = "touch $out"; }) ? installPhase else null; }
  { name = "hello is made by your mkDerivation"; hint = 3;
    ok = builtins.isAttrs (m.hello or null) && (m.hello.drvPath or null) == (reference {
      name = "hello";
      greeting = "Hello";
      buildPhase = "msg=\"$greeting, world\"";
      installPhase = "echo \"$msg\" > $out";
    }).drvPath;
    reveal = false; why = "`hello` must stay the call of `mkDerivation` that the starter has."; }
]
