{ files, sources, ... }:
let
  m = files."main.nix";
  hasInfix = needle: s: builtins.replaceStrings [ needle ] [ "" ] s != s;
  # The source without blanks, so that `inherit(meta)` and `inherit (meta)` both count.
  compact = builtins.replaceStrings [ " " "\t" "\n" ] [ "" "" "" ] sources."main.nix";
in
[
  { name = "the set has name, version, license and homepage";
    expected = {
      name = "hello"; version = "2.12.1"; license = "GPL-3.0-or-later";
      homepage = "https://www.gnu.org/software/hello/";
    };
    actual = m; hint = 2; }
  { name = "uses inherit"; ok = hasInfix "inherit " sources."main.nix"; hint = 1; }
  { name = "uses inherit (meta)"; ok = hasInfix "inherit(meta)" compact; hint = 1; }
]
