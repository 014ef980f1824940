# Functions on attribute sets (`lib.attrsets`).
{ lib }:
let
  inherit (builtins) head tail length isAttrs attrNames listToAttrs foldl';
in
rec {
  inherit (builtins) attrNames attrValues catAttrs mapAttrs listToAttrs intersectAttrs removeAttrs zipAttrsWith;

  # The value at `path` (a list of names) in `set`, or `default` when a name is missing.
  attrByPath = path: default: set:
    let
      go = i: s:
        if i == length path then s
        else
          let name = builtins.elemAt path i;
          in if isAttrs s && s ? ${name} then go (i + 1) s.${name} else default;
    in
    go 0 set;

  # Whether `path` exists in `set`.
  hasAttrByPath = path: set:
    let
      go = i: s:
        i == length path
        || (let name = builtins.elemAt path i; in isAttrs s && s ? ${name} && go (i + 1) s.${name});
    in
    go 0 set;

  # A set with `value` at `path`: setAttrByPath [ "a" "b" ] 1 == { a = { b = 1; }; }.
  setAttrByPath = path: value:
    if path == [ ] then value
    else { ${head path} = setAttrByPath (tail path) value; };

  # Like `attrByPath`, but a missing name is an error.
  getAttrFromPath = path: set:
    attrByPath path (throw "cannot find attribute '${lib.concatStringsSep "." path}'") set;

  # The values of the named attributes, in order.
  attrVals = names: set: map (n: set.${n}) names;

  # `{ name = ...; value = ...; }`, as `listToAttrs` wants.
  nameValuePair = name: value: { inherit name value; };

  # The attributes for which `pred name value` holds.
  filterAttrs = pred: set:
    removeAttrs set (builtins.filter (name: !pred name set.${name}) (attrNames set));

  # `filterAttrs`, also inside nested sets.
  filterAttrsRecursive = pred: set:
    listToAttrs (lib.concatMap (name:
      let v = set.${name}; in
      if pred name v then [ (nameValuePair name (if isAttrs v then filterAttrsRecursive pred v else v)) ]
      else [ ]) (attrNames set));

  # Renames and changes attributes: `f name value` gives a `nameValuePair`.
  mapAttrs' = f: set: listToAttrs (map (attr: f attr set.${attr}) (attrNames set));

  # A list of `f name value`, in name order.
  mapAttrsToList = f: attrs: map (name: f name attrs.${name}) (attrNames attrs);

  # `f path value` for every leaf (a value that is not a set, or a derivation).
  mapAttrsRecursive = f: set:
    let
      go = path: set: builtins.mapAttrs (name: value:
        if isAttrs value && !isDerivation value then go (path ++ [ name ]) value
        else f (path ++ [ name ]) value) set;
    in
    go [ ] set;

  # Folds over the attributes in name order: `f acc name value`.
  foldlAttrs = f: init: set: foldl' (acc: name: f acc name set.${name}) init (attrNames set);

  # Every leaf for which `pred` holds, as a list.
  collect = pred: attrs:
    if pred attrs then [ attrs ]
    else if isAttrs attrs then lib.concatMap (collect pred) (builtins.attrValues attrs)
    else [ ];

  # A set with an attribute per name: genAttrs [ "a" "b" ] f == { a = f "a"; b = f "b"; }.
  genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);

  # Whether the value is a derivation.
  isDerivation = value: value.type or null == "derivation";

  # Merges lists of sets: zipAttrs [ { a = 1; } { a = 2; } ] == { a = [ 1 2 ]; }.
  zipAttrs = zipAttrsWith (name: values: values);

  # `rhs` over `lhs`, merging nested sets while `pred path lhs rhs` is false.
  recursiveUpdateUntil = pred: lhs: rhs:
    let
      f = attrPath: zipAttrsWith (n: values:
        let here = attrPath ++ [ n ]; in
        if length values == 1 || pred here (builtins.elemAt values 1) (head values) then head values
        else f here values);
    in
    f [ ] [ rhs lhs ];

  # `rhs` over `lhs`, merging nested sets at every depth.
  recursiveUpdate = recursiveUpdateUntil (path: lhs: rhs: !(isAttrs lhs && isAttrs rhs));

  # Applies updates `[ { path = [ ... ]; update = old: new; } ]` in order.
  updateManyAttrsByPath = updates: value:
    foldl' (acc: u: updateAtPath u.path u.update acc) value updates;
  updateAtPath = path: update: value:
    if path == [ ] then update value
    else
      let name = head path; in
      value // { ${name} = updateAtPath (tail path) update (value.${name} or null); };

  # The attributes when `cond` holds, `{ }` otherwise.
  optionalAttrs = cond: as: if cond then as else { };

  # Another output of a multi-output derivation (the package itself when it has no such output).
  getOutput = output: pkg:
    if !pkg ? outputSpecified || !pkg.outputSpecified then pkg.${output} or pkg.out or pkg else pkg;

  # The first of `candidates` the package has, else `out`.
  getFirstOutput = candidates: pkg:
    let
      outputs = builtins.filter (name: builtins.hasAttr name pkg) candidates;
      output = lib.findFirst (x: true) "out" outputs;
    in
    if pkg ? outputSpecified && pkg.outputSpecified then pkg else pkg.${output};

  getBin = getOutput "bin";
  getLib = getOutput "lib";
  getDev = getOutput "dev";
  getMan = getOutput "man";

  # What `buildInputs` links against: each package's `dev` output when it has one.
  chooseDevOutputs = builtins.map getDev;

  # Concatenated results of `f name value` (each a set).
  concatMapAttrs = f: v: foldl' (acc: set: acc // set) { } (mapAttrsToList f v);

  # Marks a set so that tools listing packages (`nix-env -qa`, `nixpad impact`) look inside.
  recurseIntoAttrs = attrs: attrs // { recurseForDerivations = true; };
  dontRecurseIntoAttrs = attrs: attrs // { recurseForDerivations = false; };
}
