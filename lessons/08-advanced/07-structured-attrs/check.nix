{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  # The learner's serverConfig when settings.nix holds `text`.
  configWith = text: check.attr (importWith { "settings.nix" = text; } "main.nix") "serverConfig";
  mine = check.attr files."main.nix" "serverConfig";
  real = check.isRealDerivation mine;
  attrsOf = drv: if check.isRealDerivation drv then drv.drvAttrs else { };

  # Hidden settings: deeper nesting, lists of lists, null, floats.
  hiddenText = ''
    {
      listen = { port = 9443; addresses = [ "0.0.0.0" ]; };
      tls = { enable = true; ciphers = [ [ "TLS_AES_128_GCM_SHA256" ] [ ] ]; };
      workers = 16;
      timeouts = { read = 2.5; idle = null; };
      log = { level = "debug"; json = false; };
    }
  '';
  hidden = importWith { "settings.nix" = hiddenText; } "settings.nix";
  hiddenConfig = configWith hiddenText;
  # Two settings that flattening to strings would make equal.
  typed = configWith ''{ tls = true; addresses = [ "a" "b" ]; workers = 4; }'';
  flat = configWith ''{ tls = "1"; addresses = "a b"; workers = "4"; }'';

  script = importWith { "probe.nix" = "./write-config.sh"; } "probe.nix";
  # The learner's own `args` when they name the same script (a path value differs from
  # one folder to another, its contents do not), so that a difference there is named.
  fingerprint = map (a: if builtins.isPath a then builtins.hashFile "sha256" a else a);
  hiddenArgs = (attrsOf hiddenConfig).args or null;
  args = if builtins.isList hiddenArgs && fingerprint hiddenArgs == fingerprint [ script ] then hiddenArgs else [ script ];
  expected = settings: derivation {
    name = "server-config";
    system = "x86_64-linux";
    builder = "${pkgs.bash}/bin/bash";
    inherit args;
    jq = pkgs.jq;
    __structuredAttrs = true;
    inherit settings;
    outputChecks.out = { maxSize = 65536; allowedReferences = [ ]; };
  };
  wantedChecks = { out = { maxSize = 65536; allowedReferences = [ ]; }; };
  mineAttrs = attrsOf mine;
in
[
  { name = "serverConfig is a derivation"; hint = 1;
    ok = real;
    message = "`serverConfig` must be made by `derivation`."; }
  { name = "its attributes are structured"; hint = 1;
    ok = (mineAttrs.__structuredAttrs or null) == true;
    message = "Without `__structuredAttrs = true;` every attribute is turned into a string, and a set cannot be."; }
  { name = "settings reach the builder whole, from settings.nix"; hint = 2;
    ok = (attrsOf hiddenConfig).settings or null == hidden;
    message = "Pass the set itself, `settings = settings;` (or `inherit settings;`): with structured attributes it goes to the builder as JSON, as it is."; }
  { name = "true is not \"1\", a list is not a string"; hint = 2;
    ok = check.isRealDerivation typed && check.isRealDerivation flat && typed.drvPath != flat.drvPath;
    message = "Settings that differ only in their types must give different derivations."; }
  { name = "Nix checks the output: at most 65536 bytes, no references"; hint = 3;
    expected = wantedChecks;
    actual = mineAttrs.outputChecks or null;
    message = if (mineAttrs.__structuredAttrs or null) == true && (mineAttrs ? allowedReferences || mineAttrs ? maxSize)
      then "With structured attributes, Nix ignores a top-level `allowedReferences` or `maxSize`: checks for an output go in `outputChecks.<output>`."
      else "Write `outputChecks.out = { … };` with the two settings (Nix reads it only from structured attributes)."; }
  { name = "the derivation as a whole"; hint = 3;
    ok = check.drvDiff (expected hidden) hiddenConfig == "";
    reveal = false;
    why = check.drvDiff (expected hidden) hiddenConfig; }
]
