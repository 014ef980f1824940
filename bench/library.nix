# A library-style workload: thousands of calls of small helpers written the way a Nix
# library writes them (regex splitting, string building, attribute-set folds and filters,
# recursive merges), over 3,000 package-like records, fully forced into a small result.
let
  inherit (builtins)
    attrNames concatMap concatStringsSep elemAt filter foldl' genList head isAttrs isString
    length listToAttrs map mapAttrs match replaceStrings split stringLength substring
    toString
    ;

  # Strings.
  regexSpecials = [ "\\" "." "+" "*" "?" "(" ")" "[" "]" "{" "}" "|" "^" "$" ];
  escapeRegex = replaceStrings regexSpecials (map (c: "\\${c}") regexSpecials);
  splitString = sep: s: filter isString (split (escapeRegex sep) s);
  concatMapStrings = f: list: concatStringsSep "" (map f list);
  concatMapStringsSep = sep: f: list: concatStringsSep sep (map f list);
  lowerChars = [ "a" "b" "c" "d" "e" "f" "g" "h" "i" "j" "k" "l" "m" "n" "o" "p" "q" "r" "s" "t" "u" "v" "w" "x" "y" "z" ];
  upperChars = [ "A" "B" "C" "D" "E" "F" "G" "H" "I" "J" "K" "L" "M" "N" "O" "P" "Q" "R" "S" "T" "U" "V" "W" "X" "Y" "Z" ];
  toUpper = replaceStrings lowerChars upperChars;
  hasPrefix = pre: s: substring 0 (stringLength pre) s == pre;
  removePrefix = pre: s:
    if hasPrefix pre s then substring (stringLength pre) (stringLength s - stringLength pre) s else s;
  splitVersion = v: filter isString (split "[.-]" v);
  versionAtLeast = a: b: builtins.compareVersions a b >= 0;
  sanitizeName = s: concatMapStrings (c: if match "[a-zA-Z0-9_-]" c != null then c else "-")
    (filter (c: c != "") (splitString "" s));

  # Lists.
  range = first: last: genList (i: first + i) (last - first + 1);
  unique = foldl' (acc: x: if builtins.elem x acc then acc else acc ++ [ x ]) [ ];
  flatten = x: if builtins.isList x then concatMap flatten x else [ x ];
  count = pred: foldl' (n: x: if pred x then n + 1 else n) 0;

  # Attribute sets.
  nameValuePair = name: value: { inherit name value; };
  mapAttrs' = f: set: listToAttrs (map (name: f name set.${name}) (attrNames set));
  filterAttrs = pred: set:
    listToAttrs (concatMap (name: let v = set.${name}; in if pred name v then [ (nameValuePair name v) ] else [ ]) (attrNames set));
  foldlAttrs = f: init: set: foldl' (acc: name: f acc name set.${name}) init (attrNames set);
  attrByPath = path: default: set:
    if path == [ ] then set
    else if isAttrs set && set ? ${head path} then attrByPath (builtins.tail path) default set.${head path}
    else default;
  recursiveUpdate = lhs: rhs:
    lhs // mapAttrs (name: r:
      if isAttrs r && lhs ? ${name} && isAttrs lhs.${name} then recursiveUpdate lhs.${name} r else r) rhs;
  genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);

  # Package-like records.
  n = 3000;
  licenses = [ "mit" "gpl3Plus" "asl20" "bsd3" "unfree" ];
  record = i: {
    pname = "Package_${toString i}.extra";
    version = "${toString (i / 100)}.${toString (i - i / 100 * 100)}.${toString (i - i / 7 * 7)}-rc${toString (i - i / 3 * 3)}";
    meta = {
      description = "package number ${toString i}: a tool. it does things, well";
      license = elemAt licenses (i - i / 5 * 5);
      platforms = if i - i / 2 * 2 == 0 then [ "x86_64-linux" "aarch64-linux" ] else [ "x86_64-darwin" ];
      maintainers = [ "alice" "bob" ];
    };
    deps = map (d: "dep${toString d}") (range 0 (i - i / 13 * 13));
  };
  records = genList record n;

  byName = listToAttrs (map (r: nameValuePair (sanitizeName r.pname) r) records);
  free = filterAttrs (name: r: r.meta.license != "unfree") byName;
  upgraded = mapAttrs (name: r: recursiveUpdate r {
    meta.description = toUpper (head (splitString ":" r.meta.description));
    meta.position = "pkgs/${removePrefix "Package_" name}/default.nix";
  }) free;
  renamed = mapAttrs' (name: r: nameValuePair (removePrefix "Package_" name) r) upgraded;
  summary = foldlAttrs (acc: name: r: {
    versions = acc.versions + length (splitVersion r.version);
    linux = acc.linux + count (p: hasPrefix "x86_64" p) r.meta.platforms;
    recent = acc.recent + (if versionAtLeast r.version "15.0" then 1 else 0);
    chars = acc.chars + stringLength r.meta.description + stringLength r.meta.position;
  }) { versions = 0; linux = 0; recent = 0; chars = 0; } renamed;
  allDeps = unique (flatten (map (r: r.deps) (genList (i: elemAt records (i * 7)) 400)));
  report = concatMapStringsSep "," (name: attrByPath [ name "meta" "license" ] "?" renamed)
    (genList (i: "${toString (i * 97)}-extra") 30);
in
summary // {
  packages = length (attrNames renamed);
  deps = length allDeps;
  inherit report;
  byLicense = genAttrs licenses (l: count (r: r.meta.license == l) records);
}
