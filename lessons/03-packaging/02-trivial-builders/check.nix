{ files, check, ... }:
let
  base = import <nixpkgs> { };
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  toolsWith = pkgs: let f = files."tools.nix"; in if check.isFn f then f { inherit pkgs; } else { };
  t = toolsWith base;
  inputsOf = d: builtins.attrNames (builtins.getContext (builtins.toJSON (d.drvAttrs or { })));
  dependsOn = d: dep: check.isDerivation d && check.isDerivation dep && builtins.elem dep.drvPath (inputsOf d);
  # A hidden package set with another jq.
  other = base.extend (final: prev: { jq = prev.jq.overrideAttrs { pname = "jq-other"; }; });
  o = toolsWith other;
  names = d: map (p: p.name or "?") (d.paths or [ ]);
in
[
  { name = "config is a file named app.conf holding port = 8080"; hint = 1;
    ok = check.isDerivation (t.config or null) && safe t.config.name == "app.conf"
      && safe (t.config.drvPath == (base.writeText "app.conf" "port = 8080\n").drvPath || t.config.drvPath == (base.runCommand "app.conf" { } "echo \"port = 8080\" > $out\n").drvPath);
    reveal = false; why = "A derivation named app.conf whose content is `port = 8080` and a newline."; }
  { name = "checker is a program named check-config"; hint = 1;
    expected = "check-config"; actual = safe (t.checker.name or null); }
  { name = "checker depends on config (it reads the file by its store path)"; hint = 2;
    ok = safe (dependsOn (t.checker or null) (t.config or null)) == true; }
  { name = "checker has grep from the package set on its PATH"; hint = 2;
    ok = safe (dependsOn (t.checker or null) base.gnugrep) == true; }
  { name = "toolbox joins checker and jq"; hint = 3;
    expected = [ "check-config" "jq-1.7.1" ]; actual = safe (names (t.toolbox or { })); }
  { name = "toolbox takes jq from the package set it is given"; hint = 3;
    ok = safe (builtins.elem "jq-other-1.7.1" (names (o.toolbox or { }))) == true; }
]
