{ files, importWith, check, ... }:
let
  pkgs = import <nixpkgs> { };
  file = importWith { "probe.nix" = "./notes.nix"; } "probe.nix";
  isFn = check.isFn files."notes.nix";
  notes = if isFn then pkgs.callPackage file { } else null;
  safe = v: let r = builtins.tryEval (builtins.deepSeq v v); in if r.success then r.value else "does not evaluate";
  over = args: if check.isRealDerivation notes && notes ? override then notes.override args else null;
  names = d: if check.isRealDerivation d then map (x: x.pname or x.name) (d.drvAttrs.buildInputs ++ d.drvAttrs.propagatedBuildInputs) else null;
  flags = d: if check.isRealDerivation d then d.drvAttrs.configureFlags or [ ] else null;
  # A hidden SQLite, to see that the function uses the one it is given.
  mySqlite = pkgs.sqlite.overrideAttrs { pname = "sqlite-custom"; };
  formals = if isFn then builtins.functionArgs files."notes.nix" else { };
in
[
  { name = "notes.nix is a package function"; hint = 1; ok = isFn && check.isRealDerivation notes; }
  { name = "withSqlite is an argument, true by default"; hint = 1; expected = [ true true ];
    actual = [ (formals ? withSqlite) (formals.withSqlite or false) ]; }
  { name = "by default: sqlite is an input, --enable-sqlite"; hint = 2;
    expected = [ [ "sqlite" ] [ "--enable-sqlite" ] ]; actual = safe [ (names notes) (flags notes) ]; }
  { name = "override { withSqlite = false; }: no sqlite, --disable-sqlite"; hint = 2;
    expected = [ [ ] [ "--disable-sqlite" ] ]; actual = safe (let d = over { withSqlite = false; }; in [ (names d) (flags d) ]); }
  { name = "override { sqlite = … } builds against that SQLite"; hint = 3;
    expected = [ "sqlite-custom" ]; actual = safe (names (over { sqlite = mySqlite; })); }
]
