{ files, syntax, importWith, check, ... }:
let
  m = files."main.nix";
  callWith = check.attr m "callPackageWith";
  call = set: fn: overrides: if check.isFn callWith then callWith set fn overrides else null;

  # The lesson's package files as path values (read through a probe file beside them).
  pathOf = name: importWith { "probe.nix" = "./${name}"; } "probe.nix";
  greeterFile = pathOf "greeter.nix";
  helloFile = pathOf "hello.nix";
  # Hidden inputs: packages and sets the page never shows.
  tools = {
    system = "x86_64-linux";
    greeting = "Bonjour";
    hello = derivation { name = "salut"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo salut > $out" ]; };
    unrelated = throw "an input nobody asked for must not be evaluated";
  };
  referenceCall = set: fn: overrides:
    let f = if builtins.isFunction fn then fn else import fn; in
    f (builtins.intersectAttrs (builtins.functionArgs f) set // overrides);
  sameDrv = expected: actual:
    if builtins.isAttrs actual && actual ? drvPath then check.drvDiff expected actual
    else "the call did not return a derivation";
  fromFile = sameDrv (referenceCall tools greeterFile { }) (call tools greeterFile { });
  overridden = sameDrv (referenceCall tools greeterFile { punctuation = "?"; }) (call tools greeterFile { punctuation = "?"; });
  pkgs = m.pkgs or { };
  pkgDiff = name: expected: sameDrv expected (pkgs.${name} or null);
  refPkgs = rec {
    system = "x86_64-linux";
    greeting = "Hello";
    hello = import helloFile { inherit system greeting; };
    greeter = import greeterFile { inherit system hello; };
    excited = import greeterFile { inherit system hello; punctuation = "!!!"; };
  };
in
[
  { name = "passes exactly the arguments the function names"; hint = 1;
    expected = 12; actual = call { a = 1; b = 2; c = 3; } ({ a, b }: a * 10 + b) { }; }
  { name = "overrides replace an input"; hint = 2;
    expected = 15; actual = call { a = 1; b = 2; c = 3; } ({ a, b }: a * 10 + b) { b = 5; }; }
  { name = "a default applies when the set lacks the argument"; hint = 2;
    expected = 8; actual = call { a = 1; } ({ a, z ? 7 }: a + z) { }; }
  { name = "…and the set's value wins over the default when it has one"; hint = 2;
    expected = 3; actual = call { a = 1; z = 2; } ({ a, z ? 7 }: a + z) { }; }
  { name = "a path is imported first"; hint = 3; ok = fromFile == ""; message = fromFile;
    reveal = false; why = "Calling your function with `./greeter.nix` and another package set gave another derivation."; }
  { name = "overrides reach a package from a file"; hint = 2; ok = overridden == ""; message = overridden;
    reveal = false; why = "`punctuation = \"?\"` should replace the default."; }
  (check.syntaxCheck { name = "asks the function for its arguments with builtins.functionArgs"; hint = 1;
    ok = check.usesBuiltin syntax."main.nix" "functionArgs";
    message = "Without `builtins.functionArgs` your function cannot know what an unseen package wants."; })
  { name = "pkgs.hello is hello.nix called with pkgs' inputs"; hint = 3;
    ok = pkgDiff "hello" refPkgs.hello == ""; message = pkgDiff "hello" refPkgs.hello; reveal = false; why = "`pkgs.hello` differs."; }
  { name = "pkgs.greeter depends on pkgs.hello"; hint = 3;
    ok = pkgDiff "greeter" refPkgs.greeter == ""; message = pkgDiff "greeter" refPkgs.greeter; reveal = false; why = "`pkgs.greeter` differs."; }
  { name = "pkgs.excited has its own punctuation"; hint = 3;
    ok = pkgDiff "excited" refPkgs.excited == ""; message = pkgDiff "excited" refPkgs.excited; reveal = false; why = "`pkgs.excited` differs."; }
]
