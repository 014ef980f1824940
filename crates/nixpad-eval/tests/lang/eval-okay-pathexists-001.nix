# pathExists on strings: a trailing / or /. requires a directory; . and .. are resolved
let
  f = toString ./lib/set.nix;
  d = toString ./lib/dir;
  e = builtins.pathExists;
in [
  (e (f + "/")) (e (f + "/.")) (e (f + "/./")) (e (f + "/./.")) (e (f + "/..")) (e (f + "/../set.nix")) (e (f + "//"))
  (e (d + "/")) (e (d + "/.")) (e (d + "/./")) (e (d + "/./.")) (e (d + "/..")) (e (d + "//default.nix")) (e (d + "/default.nix/"))
  (e (f + "/nope/..")) (e (d + "/nope/..")) (e "/") (e "/.") (e "//") (e "/..")
]
