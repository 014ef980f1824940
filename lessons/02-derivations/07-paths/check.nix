{ files, syntax, check, ... }:
let
  m = files."main.nix";
  s = syntax."main.nix";
  # greeting.txt's copy in the store (a read-only file of the lesson, so its path is known).
  copy = "/nix/store/881135vpg36ycbz4dgp3k93532sx2aq2-greeting.txt";
  copyWithContext = builtins.appendContext copy { ${copy} = { path = true; }; };
  isCopy = v: name: builtins.isString v && builtins.hasContext v
    && builtins.match "/nix/store/[0-9a-z]{32}-${name}" v != null;
  show = check.attr m "show";
  want = derivation {
    name = "show";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "cat ${copyWithContext} > $out" ];
  };
in
[
  { name = "copied is greeting.txt copied into the store"; hint = 1;
    ok = isCopy (m.copied or null) "greeting.txt" && m.copied == copy;
    reveal = false; why = "copied must be the store path Nix gives greeting.txt when it copies the file (a string with context, not typed)."; }
  { name = "renamed is the copy named hi.txt"; hint = 2;
    ok = isCopy (m.renamed or null) "hi.txt" && check.usesBuiltin s "path";
    reveal = false; why = "renamed must be a copy of greeting.txt named hi.txt, made by builtins.path."; }
  { name = "show is the derivation real Nix computes"; ok = check.drvDiff want show == ""; hint = 3;
    reveal = false; why = check.drvDiff want show; }
]
