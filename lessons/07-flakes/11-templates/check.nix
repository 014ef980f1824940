{ flake, check, ... }:
let
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  templates = flake.outputs.templates or { };
  # Where a template's path leads: its flake's description.
  described = t: safe (if builtins.isPath (t.path or null) then (import (t.path + "/flake.nix")).description else null);
in
[
  { name = "the flake loads"; hint = 1; expected = null; actual = flake.error; }
  { name = "nix flake check passes"; hint = 2; ok = flake.check.ok; message = toString flake.check.error; }
  { name = "the templates and their descriptions"; hint = 1;
    expected = { default = "A development shell"; package = "A package"; shell = "A development shell"; };
    actual = safe (builtins.mapAttrs (n: t: t.description or null) templates); }
  { name = "each path is the template's folder in this flake"; hint = 1;
    expected = { shell = "A development shell"; package = "A package"; };
    actual = { shell = described (templates.shell or { }); package = described (templates.package or { }); }; }
  { name = "the shell template says to run nix develop"; hint = 2;
    expected = true; actual = let t = templates.shell.welcomeText or null; in builtins.isString t && builtins.match ".*nix develop.*" t != null; }
  { name = "default is the shell template"; hint = 3;
    expected = true; actual = safe ((templates.default.path or null) == (templates.shell.path or 0)); }
]
