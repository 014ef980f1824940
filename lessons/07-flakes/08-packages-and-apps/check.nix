{ flake, files, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  out = flake.outputs;
  greet = out.packages.x86_64-linux.greet or null;
  app = out.apps.x86_64-linux.default or { };
  program = app.program or null;
  # The outputs with a different `self`: the app must follow the flake's own package.
  other = { type = "derivation"; name = "greet"; outPath = "/elsewhere"; meta.mainProgram = "greet"; };
  nixpkgs = out.inputs.nixpkgs or { };
  withSelf = check.call (files."flake.nix".outputs or null) [ { self = { packages.x86_64-linux.greet = other; }; inherit nixpkgs; } ];
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "greet is a package, and the default one"; hint = 1;
    expected = [ "greet" "greet" ]; actual = [ (flake.show.packages.x86_64-linux.greet.name or null) (flake.show.packages.x86_64-linux.default.name or null) ]; }
  { name = "the script says hello"; hint = 1;
    expected = true; actual = let t = safe (greet.drvAttrs.text or ""); in builtins.isString t && builtins.match ".*Hello from a flake app.*" t != null; }
  { name = "the app runs bin/greet of the package"; hint = 2; reveal = false;
    why = "program should be the package's store path followed by /bin/greet";
    ok = greet != null && builtins.isString program && program == "${greet}/bin/greet"; }
  { name = "the program carries the package as a dependency (context)"; hint = 2;
    ok = builtins.isString program && builtins.hasContext program; }
  { name = "the app uses the flake's own package (self)"; hint = 3;
    expected = "/elsewhere/bin/greet";
    actual = safe (withSelf.apps.x86_64-linux.default.program or null); }
  { name = "nix flake check passes, without warnings"; hint = 1;
    expected = { ok = true; warnings = [ ]; }; actual = { inherit (flake.check) ok warnings; }; }
]
