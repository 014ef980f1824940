{ files, syntax, importWith, check, ... }:
let
  s = syntax."package.nix";
  pkgs = import <nixpkgs> { };
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else null;
  build = f: if check.isFn f then pkgs.callPackage f { } else null;
  pkg = build files."package.nix";
  real = check.isRealDerivation pkg;

  # package.nix imported with a clock and an environment of the check's choosing:
  # scopedImport replaces `builtins` (and the `__` names) in that one file, so the check
  # can evaluate it "at another time" or "on another machine".
  at = { time, env }: build (importWith { "probe.nix" = ''
    let
      fake = builtins // { currentTime = ${time}; getEnv = name: ${env}; };
    in
    scopedImport { builtins = fake; __currentTime = fake.currentTime; __getEnv = fake.getEnv; } ./package.nix
  ''; } "probe.nix");
  # Its .drv path, or null when it does not evaluate.
  drvOf = p: safe (if check.isRealDerivation p then p.drvPath else null);
  same = a: b: let x = drvOf a; in builtins.isString x && x == drvOf b;

  later = at { time = "1700000000"; env = ''""''; };
  earlier = at { time = "1000000000"; env = ''""''; };
  alice = at { time = "1000000000"; env = ''if name == "USER" then "alice" else "/home/alice"''; };
  bob = at { time = "1000000000"; env = ''"bob-" + name''; };
  # Pure evaluation, as in a flake: no clock, an empty environment.
  pure = at { time = ''throw "builtins.currentTime does not exist in pure evaluation"''; env = ''""''; };

  # The published file: a fixed-output derivation's path depends only on its name, the
  # hash and how the hash is taken, whoever downloads it and however.
  published = pkgs.fetchurl {
    url = "https://example.org/releases/report-tool-1.4.0.tar.gz";
    hash = "sha256-pEnJrgYhz9d5x43djodAZPhYUJDa+KREVkbpAYzhTYA=";
  };
  src = if real then pkg.src or null else null;

  # The build's scripts (every string attribute of the derivation), line by line, with
  # continued lines joined and shell comments left out.
  scripts = if real then builtins.concatStringsSep "\n" (builtins.filter builtins.isString (builtins.attrValues pkg.drvAttrs)) else "";
  lines = builtins.filter (l: builtins.isString l && builtins.match "[[:space:]]*#.*" l == null)
    (builtins.split "\n" (builtins.replaceStrings [ "\\\n" ] [ " " ] scripts));
  # Lines that run `date` (the word alone, not BUILD_DATE or update).
  dateLines = builtins.filter (l: builtins.match "(.*[^A-Za-z0-9_.-])?date([^A-Za-z0-9_.-].*)?" l != null) lines;
  mentions = word: l: builtins.match ".*${word}.*" l != null;
  buildDateOk = safe (
    builtins.any (mentions "BUILD_DATE") lines
    && builtins.any (mentions "SOURCE_DATE_EPOCH") lines
    && builtins.all (mentions "SOURCE_DATE_EPOCH") dateLines) == true;
in
[
  { name = "package.nix is a package function (callPackage gives a derivation)"; hint = 1; ok = real; }
  { name = "the version is 1.4.0"; hint = 1; expected = "1.4.0"; actual = if real then safe pkg.version else null; }
  { name = "evaluated at two different times, it is the same derivation"; hint = 1; ok = same earlier later;
    message = "Anything computed from builtins.currentTime changes the .drv every second."; }
  { name = "evaluated by two different users, it is the same derivation"; hint = 2; ok = same alice bob;
    message = "A value read with builtins.getEnv becomes part of the derivation: another user, another package."; }
  { name = "it evaluates in pure evaluation mode (no clock, empty environment)"; hint = 2;
    ok = builtins.isString (drvOf pure); }
  (check.syntaxCheck { name = "package.nix reads neither the clock nor the environment"; hint = 2;
    ok = !(check.usesBuiltin s "currentTime") && !(check.usesBuiltin s "getEnv"); })
  { name = "the source is a fixed-output download of the published file"; hint = 3; reveal = false;
    ok = check.isRealDerivation src && safe (src ? outputHash && src.outPath == published.outPath) == true;
    why = "`src` should be a fixed-output derivation (a fetcher) with the name and hash of the published tarball."; }
  { name = "the build date comes from SOURCE_DATE_EPOCH, not from the clock"; hint = 3; ok = buildDateOk;
    message = "Keep writing share/report-tool/BUILD_DATE, with `date` reading the time from $SOURCE_DATE_EPOCH (`date -u -d \"@$SOURCE_DATE_EPOCH\" …`)."; }
]
