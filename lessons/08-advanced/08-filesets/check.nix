{ files, syntax, importWith, check, ... }:
let
  inherit (import <nixpkgs> { }) lib;
  s = syntax."main.nix";
  m = files."main.nix";
  # A source as its store path, whatever form `toSource` gives it (a string, or a set
  # with `outPath`); null when it is neither.
  pathOf = src:
    if builtins.isString src then src
    else if builtins.isAttrs src && src ? outPath && builtins.isString src.outPath then src.outPath
    else null;
  source = pathOf (check.attr m "source");
  # The learner's source when the lesson's folder holds other files.
  sourceWith = overrides: pathOf (check.attr (importWith overrides "main.nix") "source");
  same = overrides: source != null && sourceWith overrides == source;
  moves = overrides: source != null && sourceWith overrides != null && sourceWith overrides != source;

  # The folder, as a path, and the learner's file set read in that same folder (through
  # a probe file, which no answer keeps).
  probe = { "probe.nix" = "./."; };
  folder = importWith probe "probe.nix";
  prefix = if toString folder == "/" then "/" else "${toString folder}/";
  fileset = check.attr (importWith probe "main.nix") "fileset";
  # The learner's file set as file names relative to the folder, or null.
  names =
    let r = builtins.tryEval (map toString (lib.fileset.toList fileset)); in
    if fileset == null || !r.success then null
    else map (lib.removePrefix prefix) r.value;
  # What fileFilter gives its predicate, for a file name.
  fileInfo = name: { inherit name; type = "regular"; hasExt = ext: lib.hasSuffix ".${ext}" name; };
  isSource = name: check.call (check.attr m "isSource") [ (fileInfo name) ];
  wanted = [ "Makefile" "src/greet.c" "src/greet.h" "src/main.c" ];
  reference = builtins.path {
    name = "source";
    path = folder;
    filter = path: type:
      let rel = lib.removePrefix prefix path; in
      if type == "directory" then rel == "src"
      else builtins.elem rel wanted;
  };
in
[
  { name = "isSource keeps C sources and headers, whatever their name"; hint = 2;
    expected = [ true true true true ];
    actual = map isSource [ "farewell.c" "util.h" "main.c" "x.y.c" ]; }
  { name = "isSource drops every other file"; hint = 2;
    expected = [ false false false false false ];
    actual = map isSource [ "greet.o" "greet.c~" "README.md" "notes.c.txt" "Makefile" ]; }
  { name = "fileset holds the Makefile and the C files of src/, without the benchmarks"; hint = 1;
    expected = wanted;
    actual = names; }
  { name = "source is a store path named source, with exactly those files"; hint = 2;
    ok = source == "${reference}";
    reveal = false;
    why = "`source` must be `lib.fileset.toSource { root = ./.; fileset = …; }` with the file set above: the root is the lesson's folder, so that the files keep their place (`src/main.c`)."; }
  { name = "editing the README or the docs does not change source"; hint = 1;
    ok = same { "README.md" = "# greet\n\nNow with a logo.\n"; "docs/usage.md" = "Run it.\n"; }; }
  { name = "a new secret or note does not get in"; hint = 2;
    ok = same { "deploy.env" = "TOKEN=hunter2\n"; "TODO.txt" = "refactor greet\n"; };
    message = "List what to keep, not what to leave out: a file added later must stay out unless the build needs it."; }
  { name = "a rebuilt object file does not change source"; hint = 2;
    ok = same { "src/greet.o" = "(other object code)\n"; }; }
  { name = "editing the benchmarks does not change source"; hint = 3;
    ok = same { "src/bench/bench.c" = "int main(void) { return 0; }\n"; }; }
  { name = "editing greet.c or greet.h changes source"; hint = 1;
    ok = moves { "src/greet.c" = "int greet(const char *who) { return 0; }\n"; }
      && moves { "src/greet.h" = "int greet(const char *);\n"; };
    message = "`source` must be computed from the files: when the program changes, so must its store path."; }
  { name = "editing the Makefile changes source"; hint = 1;
    ok = moves { "Makefile" = "greet: src/main.c src/greet.c\n\t$(CC) -o $@ $^\n"; }; }
  (check.syntaxCheck {
    name = "built with lib.fileset, not a filter function";
    hint = 1;
    ok = !(check.usesBuiltin s "path") && !(check.usesBuiltin s "filterSource");
    message = "This lesson is about `lib.fileset`: describe the files as a set instead of writing `builtins.path` with a filter.";
  })
]
