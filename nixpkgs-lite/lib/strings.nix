# Functions on strings (`lib.strings`).
{ lib }:
let
  inherit (builtins) length elemAt substring stringLength filter isString genList head;
in
rec {
  inherit (builtins) stringLength substring replaceStrings isString toString;

  # Concatenation, of a list of strings or of `f x` for each x.
  concatStrings = builtins.concatStringsSep "";
  concatMapStrings = f: list: concatStrings (map f list);
  concatImapStrings = f: list: concatStrings (lib.imap1 f list);

  # `sep` between the elements of a list: intersperse "," [ "a" "b" ] == [ "a" "," "b" ].
  intersperse = separator: list:
    if list == [ ] || length list == 1 then list
    else builtins.tail (lib.concatMap (x: [ separator x ]) list);

  # The strings joined with `sep` between them.
  concatStringsSep = builtins.concatStringsSep;
  concatMapStringsSep = sep: f: list: concatStringsSep sep (map f list);
  # Each string followed by a newline.
  concatLines = concatMapStrings (s: s + "\n");

  # Regular-expression special characters escaped with a backslash.
  escapeRegex = escape (stringToCharacters "\\[{()^$?*+|.");
  # Each of `list`'s characters escaped with a backslash.
  escape = list: replaceStrings list (map (c: "\\${c}") list);

  # The parts of `s` between occurrences of `sep` (a plain string, not a regex).
  splitString = sep: s: filter isString (builtins.split (escapeRegex (toString sep)) (toString s));

  # "p1/sub:p2/sub" for the non-null paths.
  makeSearchPath = subDir: paths:
    concatStringsSep ":" (map (path: "${path}/${subDir}") (filter (x: x != null) paths));
  # `makeSearchPath` through an output of each package (`bin`, `lib`, `dev`, or `out`).
  makeSearchPathOutput = output: subDir: pkgs: makeSearchPath subDir (map (lib.getOutput output) pkgs);
  # "…/bin" directories of the packages, for PATH.
  makeBinPath = makeSearchPathOutput "bin" "bin";
  # "…/lib" directories of the packages, for LD_LIBRARY_PATH.
  makeLibraryPath = makeSearchPathOutput "lib" "lib";
  # "…/include" directories of the packages' dev outputs.
  makeIncludePath = makeSearchPathOutput "dev" "include";

  # The string when `cond` holds, "" otherwise.
  optionalString = cond: string: if cond then string else "";

  # Whether `content` starts with, ends with, or contains `pattern`.
  hasPrefix = pattern: content: substring 0 (stringLength pattern) content == pattern;
  hasSuffix = suffix: content:
    let lc = stringLength content; ls = stringLength suffix;
    in lc >= ls && substring (lc - ls) lc content == suffix;
  hasInfix = infix: content: builtins.match ".*${escapeRegex infix}.*" "${content}" != null;

  # `str` without the prefix or suffix (unchanged if it has none).
  removePrefix = prefix: str:
    let n = stringLength prefix;
    in if hasPrefix prefix str then substring n (stringLength str - n) str else str;
  removeSuffix = suffix: str:
    let n = stringLength suffix; l = stringLength str;
    in if hasSuffix suffix str then substring 0 (l - n) str else str;

  # ASCII case changes.
  lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
  upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  toLower = replaceStrings upperChars lowerChars;
  toUpper = replaceStrings lowerChars upperChars;
  # The first letter upper case, the rest lower case.
  toSentenceCase = str:
    if str == "" then str
    else toUpper (substring 0 1 str) + toLower (substring 1 (stringLength str) str);

  # The characters of a string, as a list of one-character strings.
  stringToCharacters = s: genList (p: substring p 1 s) (stringLength s);

  # A shell word that means exactly `arg` (quoted only when it has to be).
  escapeShellArg = arg:
    let s = toString arg;
    in if builtins.match "[[:alnum:],._+:@%/-]+" s != null then s
    else "'${replaceStrings [ "'" ] [ "'\\''" ] s}'";
  escapeShellArgs = concatMapStringsSep " " escapeShellArg;

  # A Nix string literal for `s`.
  escapeNixString = s: escape [ "$" ] (builtins.toJSON s);

  # Version comparisons (as `builtins.compareVersions`).
  versionOlder = v1: v2: builtins.compareVersions v2 v1 == 1;
  versionAtLeast = v1: v2: !versionOlder v1 v2;

  # The name and version of a derivation or of a "name-version" string.
  getName = x:
    if isString x then (builtins.parseDrvName x).name
    else x.pname or (builtins.parseDrvName x.name).name;
  getVersion = x:
    if isString x then (builtins.parseDrvName x).version
    else x.version or (builtins.parseDrvName x.name).version;

  # The file name of a URL, up to the first `sep`: nameFromURL "https://x/hello-2.12.tar.gz" "-" == "hello".
  nameFromURL = url: sep:
    let
      filename = lib.last (splitString "/" url);
      name = head (splitString sep filename);
    in
    assert name != filename; name;

  # The string without leading and trailing white space (spaces, tabs, newlines).
  trim = s:
    let
      chars = stringToCharacters s;
      isSpace = c: c == " " || c == "\t" || c == "\n" || c == "\r";
      n = length chars;
      firstKept = lib.findFirst (i: !isSpace (elemAt chars i)) n (lib.range 0 (n - 1));
      lastKept = lib.findFirst (i: !isSpace (elemAt chars i)) (-1) (lib.reverseList (lib.range 0 (n - 1)));
    in
    if firstKept == n then "" else substring firstKept (lastKept - firstKept + 1) s;

  # `str` padded on the left with `filler` to `width` characters.
  fixedWidthString = width: filler: str:
    let strw = stringLength str;
    in assert lib.assertMsg (strw <= width) "fixedWidthString: requested string length (${toString width}) must not be shorter than actual length (${toString strw})";
    if strw == width then str else filler + fixedWidthString (width - 1) filler str;
  fixedWidthNumber = width: n: fixedWidthString width "0" (toString n);

  # The integer a string spells (white space around it allowed, no leading zeros).
  toInt = str:
    let
      m = builtins.match "[[:space:]]*(-?[0-9]+)[[:space:]]*" str;
      digits = head m;
      leadingZero = builtins.match "-?0[0-9]+" digits != null;
    in
    if m == null || leadingZero then throw "Could not convert ${str} to int."
    else builtins.fromJSON digits;

  # Whether `x` can be used like a string (a string, a path, or a set with outPath/__toString).
  isStringLike = x: isString x || builtins.isPath x || x ? outPath || x ? __toString;

  # Autoconf and build-system flags.
  enableFeature = flag: feature: "--${if flag then "enable" else "disable"}-${feature}";
  withFeature = flag: feature: "--${if flag then "with" else "without"}-${feature}";
  withFeatureAs = flag: feature: value: if flag then "--with-${feature}=${value}" else "--without-${feature}";
  cmakeBool = name: value: "-D${name}:BOOL=${if value then "TRUE" else "FALSE"}";
  mesonOption = feature: value: "-D${feature}=${value}";
  mesonBool = feature: value: mesonOption feature (lib.boolToString value);
}
