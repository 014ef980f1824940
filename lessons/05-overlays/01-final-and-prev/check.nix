{ files, importWith, check, ... }:
let
  overlay = files."overlay.nix";
  isOverlay = check.isFn overlay && check.isFn (overlay { }) && builtins.isAttrs (overlay { } { });
  pkgsWith = overlays: import <nixpkgs> { inherit overlays; };
  base = pkgsWith [ ];
  mine = pkgsWith [ overlay ];
  # Hidden overlays around the learner's: one before it (a newer hello), one after it
  # (hello renamed): the learner's overlay must build on the first and let the second
  # reach greeting.
  newer = final: prev: { hello = prev.hello.overrideAttrs { version = "2.99"; }; };
  renamed = final: prev: { hello = prev.hello.overrideAttrs { pname = "hello-renamed"; }; };
  before = pkgsWith [ newer overlay ];
  after = pkgsWith [ overlay renamed ];
  reference = base.hello.overrideAttrs { doCheck = false; };
  # The derivations a derivation's attributes refer to (through string context).
  inputsOf = drv: builtins.attrNames (builtins.getContext (builtins.toJSON (drv.drvAttrs or { })));
  refersTo = drv: dep: builtins.isAttrs dep && builtins.elem dep.drvPath (inputsOf drv);
  greetingOf = pkgs: pkgs.greeting or null;
  helloDiff = check.drvDiff reference (mine.hello or null);
in
[
  { name = "the overlay is a function of two sets, returning a set"; hint = 1;
    ok = isOverlay; message = "Write `final: prev: { … }`: a function that takes the final set, then the previous one."; }
  { name = "hello does not run its tests"; hint = 2;
    expected = false; actual = mine.hello.doCheck or null; }
  { name = "hello is otherwise the same package"; hint = 2;
    ok = helloDiff == ""; message = helloDiff; reveal = false;
    why = "`hello` should be the previous hello with only `doCheck = false` changed, as a new derivation."; }
  { name = "hello builds on the previous hello (an earlier overlay's changes stay)"; hint = 2;
    expected = [ "2.99" false ]; actual = [ (before.hello.version or null) (before.hello.doCheck or null) ]; }
  { name = "greeting is a package named greeting"; hint = 3;
    ok = check.isDerivation (greetingOf mine) && (greetingOf mine).name == "greeting"; }
  { name = "greeting depends on the hello of this overlay"; hint = 3;
    ok = check.isDerivation (greetingOf mine) && refersTo (greetingOf mine) mine.hello;
    message = "greeting's script must refer to hello with `\${…}`, so that Nix knows greeting needs it."; }
  { name = "greeting runs the final hello, even when a later overlay changes it"; hint = 3;
    ok = check.isDerivation (greetingOf after) && refersTo (greetingOf after) after.hello;
    message = "Take hello from `final`: a later overlay (here one that renames hello) must reach greeting too."; }
  { name = "greeting greets with -g \"Hello, overlays!\""; hint = 3;
    ok = check.isDerivation (greetingOf mine)
      && builtins.match ".*-g [^A-Za-z]*Hello, overlays!.*" (builtins.toJSON ((greetingOf mine).drvAttrs or { })) != null; }
]
