# `lib.fileset`: sets of files under a folder, combined with set operations and turned into
# a store path holding exactly those files (`toSource`). A file set is the files it holds,
# found by walking the folders it was made from; so the store path of `toSource` changes only
# when a file in the set changes, and folders without a file in the set are left out.
#
#   lib.fileset.toSource {
#     root = ./.;
#     fileset = lib.fileset.unions [ ./src ./Cargo.toml (lib.fileset.fileFilter (f: f.hasExt "nix") ./.) ];
#   }
{ lib }:
let
  inherit (builtins) attrNames concatMap filter isPath listToAttrs pathExists readDir typeOf;

  # A file set of `files`: absolute path string -> file type ("regular", "symlink", ...).
  make = files: { _type = "fileset"; inherit files; };
  isFileSet = x: builtins.isAttrs x && (x._type or null) == "fileset";

  # Every file at or under `path`, as name-value pairs.
  walk = path:
    let type = builtins.readFileType path; in
    if type == "directory"
    then concatMap (name: walk (path + "/${name}")) (attrNames (readDir path))
    else [ { name = toString path; value = type; } ];

  # A path or a file set, as a file set; `what` names the function for error messages.
  coerce = what: x:
    if isFileSet x then x
    else if isPath x then
      if pathExists x then make (listToAttrs (walk x))
      else throw "lib.fileset.${what}: Argument (${toString x}) is a path that does not exist.\n    To create a file set from a path that may not exist, use `lib.fileset.maybeMissing`."
    else if lib.isStringLike x then
      throw "lib.fileset.${what}: Argument (\"${toString x}\") is a string-like value, but it should be a file set or a path instead.\n    Paths represented as strings are not supported by `lib.fileset`, use `lib.sources` or make sure to append the string to a path value instead."
    else throw "lib.fileset.${what}: Argument is of type ${typeOf x}, but it should be a file set or a path instead.";

  # The files of `set` for which `keep path type` holds.
  filterFiles = keep: set: make (lib.filterAttrs keep set.files);

  # Whether `path` (a string) is `dir` or lies under it.
  isUnder = dir: path: path == dir || lib.hasPrefix (if dir == "/" then "/" else "${dir}/") path;

  # The folders between `root` and each file (exclusive of the file), as a set of strings.
  foldersOf = root: files:
    let
      parents = path:
        let parent = dirOf path; in
        if path == root || parent == path then [ ] else [ parent ] ++ parents parent;
    in
    lib.genAttrs (lib.unique (concatMap parents files)) (_: true);
in
rec {
  # A file set holding exactly the files under the path, or nothing when it does not exist.
  maybeMissing = path:
    if !isPath path then throw "lib.fileset.maybeMissing: Argument is of type ${typeOf path}, but it should be a path instead."
    else if pathExists path then coerce "maybeMissing" path
    else make { };

  # The files in any of the sets.
  unions = sets:
    if !builtins.isList sets then throw "lib.fileset.unions: Argument is of type ${typeOf sets}, but it should be a list instead."
    else make (lib.foldl' (acc: s: acc // (coerce "unions" s).files) { } sets);

  # The files in either set.
  union = a: b: unions [ a b ];

  # The files in both sets.
  intersection = a: b:
    let other = (coerce "intersection" b).files; in
    filterFiles (path: _: other ? ${path}) (coerce "intersection" a);

  # The files of `a` that are not in `b`.
  difference = a: b:
    let other = (coerce "difference" b).files; in
    filterFiles (path: _: !(other ? ${path})) (coerce "difference" a);

  # The files under `path` for which `predicate { name; type; hasExt; }` holds.
  fileFilter = predicate: path:
    if !builtins.isFunction predicate then throw "lib.fileset.fileFilter: First argument is of type ${typeOf predicate}, but it should be a function instead."
    else if !isPath path then throw "lib.fileset.fileFilter: Second argument is of type ${typeOf path}, but it should be a path instead."
    else filterFiles (file: type:
      let name = baseNameOf file; in
      predicate { inherit name type; hasExt = ext: lib.hasSuffix ".${ext}" name; }) (coerce "fileFilter" path);

  # The files of a source made with `lib.sources`/`builtins.path` (here: a path's files).
  fromSource = source: coerce "fromSource" source;

  # The files of the set as a sorted list of paths.
  toList = set: map (p: /. + p) (attrNames (coerce "toList" set).files);

  # A store path with the set's files, laid out as they are under `root` (a folder that
  # holds every file of the set).
  toSource = { root, fileset }:
    let
      set = coerce "toSource" fileset;
      rootString = toString root;
      files = attrNames set.files;
      outside = filter (p: !(isUnder rootString p)) files;
      folders = foldersOf rootString files;
    in
    if !isPath root then throw "lib.fileset.toSource: `root` is of type ${typeOf root}, but it should be a path instead."
    else if !pathExists root then throw "lib.fileset.toSource: `root` (${rootString}) is a path that does not exist."
    else if builtins.readFileType root != "directory" then throw "lib.fileset.toSource: `root` (${rootString}) is a file, but it should be a directory instead. Potential solutions:\n    - If you want to import the file into the store _without_ a containing directory, use string interpolation or `builtins.path` instead of this function.\n    - If you want to import the file into the store _with_ a containing directory, set `root` to the containing directory, such as ${toString (dirOf root)}, and set `fileset` to the file path."
    else if outside != [ ] then throw "lib.fileset.toSource: `fileset` could contain files in ${lib.head outside}, which is not under the `root` (${rootString}). Potential solutions:\n    - Set `root` to ${toString (dirOf rootString)} or any directory higher up. This changes the layout of the resulting store path.\n    - Set `fileset` to a file set that cannot contain files outside the `root` (${rootString}). This could change the files included in the result."
    else builtins.path {
      name = "source";
      path = root;
      filter = path: type: if type == "directory" then folders ? ${path} else set.files ? ${path};
    };
}
