# builtins.path (named, filtered, flat) and filterSource as inputs.
derivation {
  name = "sources";
  builder = "/bin/sh";
  system = "x86_64-linux";
  named = builtins.path { path = ./srcdir; name = "renamed"; };
  filtered = builtins.path { path = ./srcdir; filter = p: t: t != "directory"; };
  flat = builtins.path { path = ./source.txt; recursive = false; };
  legacy = builtins.filterSource (p: t: baseNameOf p != "a.txt") ./srcdir;
}
