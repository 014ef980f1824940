{ files, check, ... }:
let
  base = import <nixpkgs> { };
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  shellWith = pkgs: let f = files."shell.nix"; in if check.isFn f then f { inherit pkgs; } else null;
  shell = shellWith base;
  # The Python environments among the shell's tools, and the packages in each.
  envs = s: builtins.filter (p: p ? python && p ? paths) (if check.isDerivation s then s.nativeBuildInputs or [ ] else [ ]);
  namesIn = s: map (p: p.pname or p.name) (builtins.concatLists (map (e: e.paths) (envs s)));
  has = s: name: builtins.elem name (namesIn s);
  # A hidden package set whose requests is changed inside the Python scope.
  other = base.extend (final: prev: { python3 = prev.python3.override { packageOverrides = pyfinal: pyprev: { requests = pyprev.requests.overrideAttrs { pname = "requests-patched"; }; }; }; });
  otherShell = shellWith other;
in
[
  { name = "the shell has one Python environment (python3.withPackages)"; hint = 1;
    expected = 1; actual = safe (builtins.length (envs shell)); }
  { name = "it holds requests and pytest"; hint = 1;
    expected = [ true true ]; actual = safe [ (has shell "requests") (has shell "pytest") ]; }
  { name = "…and what they need (urllib3, idna, certifi…)"; hint = 2;
    expected = [ true true true ]; actual = safe [ (has shell "urllib3") (has shell "idna") (has shell "certifi") ]; }
  { name = "the environment follows the package set it is given"; hint = 3;
    ok = safe (has otherShell "requests-patched") == true; }
  { name = "PYTHONDONTWRITEBYTECODE is 1"; hint = 3;
    expected = "1"; actual = if check.isDerivation shell then safe (shell.PYTHONDONTWRITEBYTECODE or shell.env.PYTHONDONTWRITEBYTECODE or null) else null; }
]
