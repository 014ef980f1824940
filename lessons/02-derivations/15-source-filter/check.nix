{ files, syntax, importWith, check, ... }:
let
  m = files."main.nix";
  keep = check.attr m "keep";
  keeps = path: type: if check.isFn keep then keep path type else null;
  source = check.attr m "source";
  # The learner's `source` when the folder's files are different.
  sourceWith = overrides: check.attr (importWith overrides "main.nix") "source";

  # The lesson's folder as a path value (read through a probe file in it, which the
  # reference filter leaves out like every .nix file).
  folder = importWith { "probe.nix" = "./."; } "probe.nix";
  referenceKeep = path: type:
    let name = baseNameOf path; in
    if type == "directory" then builtins.substring 0 1 name != "."
    else type == "regular" && builtins.match ".*\\.[ch]" name != null;
in
[
  { name = "keep keeps C sources and headers, wherever they are"; hint = 1;
    expected = [ true true true ];
    actual = [ (keeps "/home/ada/hello/src/util.c" "regular") (keeps "/build/hello/include/util.h" "regular") (keeps "/w/main.c" "regular") ]; }
  { name = "keep drops every other file"; hint = 2;
    expected = [ false false false false ];
    actual = [ (keeps "/home/ada/hello/NOTES.md" "regular") (keeps "/home/ada/hello/default.nix" "regular")
               (keeps "/home/ada/hello/hello.cpp" "regular") (keeps "/home/ada/hello/ch" "regular") ]; }
  { name = "keep keeps directories, so that their files can be kept"; hint = 2;
    expected = [ true true ];
    actual = [ (keeps "/home/ada/hello/src" "directory") (keeps "/home/ada/hello/docs" "directory") ]; }
  { name = "keep drops hidden directories"; hint = 2;
    expected = [ false false ];
    actual = [ (keeps "/home/ada/hello/.git" "directory") (keeps "/home/ada/hello/src/.cache" "directory") ]; }
  { name = "keep drops what is not a regular file"; hint = 1;
    expected = [ false false ];
    actual = [ (keeps "/home/ada/hello/result.c" "symlink") (keeps "/home/ada/hello/fifo.h" "unknown") ]; }
  { name = "source is a store path named hello-source"; hint = 3;
    ok = builtins.isString source && builtins.match "/nix/store/[0-9a-z]{32}-hello-source" source != null; }
  { name = "source holds exactly hello.c and hello.h"; hint = 3;
    ok = source == builtins.path { path = folder; name = "hello-source"; filter = referenceKeep; };
    reveal = false; why = "Copy `./.` with your filter: the copy must hold the two C files and nothing else."; }
  { name = "editing the README does not change source"; hint = 2;
    ok = source != null && sourceWith { "README.md" = "# hello\n\nNow with more words.\n"; } == source;
    message = "Your `source` depends on README.md: filter it out."; }
  { name = "a new note or Nix file does not change source either"; hint = 2;
    ok = source != null && sourceWith { "TODO.txt" = "write tests\n"; "default.nix" = "{ }\n"; } == source; }
  { name = "editing hello.c changes source"; hint = 3;
    ok = source != null && sourceWith { "hello.c" = "int main(void) { return 0; }\n"; } != source;
    message = "`source` must be computed from the files: when the program changes, so must its store path."; }
  (check.syntaxCheck { name = "copies with builtins.path"; hint = 3; ok = check.usesBuiltin syntax."main.nix" "path"; })
]
