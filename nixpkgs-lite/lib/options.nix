# lib.options: declaring options (mkOption, mkEnableOption, mkPackageOption), showing option
# paths and definitions in error messages, and listing options as data (for documentation
# and Nixpad's options browser). Same names and behaviour as nixpkgs' lib.options.
{ lib }:
let
  inherit (builtins)
    all attrNames concatMap concatStringsSep elemAt filter foldl' head isAttrs isBool
    isFloat isFunction isInt isList isPath isString length map match replaceStrings
    sort split tail toJSON;

  # An option path as learners see it: `services.nginx.virtualHosts."a.org".root`.
  showOption = parts:
    let
      plain = part: match "[a-zA-Z_][a-zA-Z0-9_'-]*" part != null
        || part == "<name>" || part == "*" || match "\\[.*]" part != null;
      show = part: if plain part then part else toJSON part;
    in
    concatStringsSep "." (map show parts);

  # A value as nixpkgs prints it in "Definition values:" (one line per item when nested).
  toPretty = indent: value:
    let next = indent + "  "; in
    if isString value then toJSON value
    else if isInt value || isFloat value then toString value
    else if isBool value then (if value then "true" else "false")
    else if value == null then "null"
    else if isPath value then toString value
    else if isFunction value then "<function>"
    else if isList value then
      (if value == [ ] then "[ ]"
       else "[\n" + concatStringsSep "" (map (v: next + toPretty next v + "\n") value) + indent + "]")
    else if value.type or null == "derivation" then "<derivation ${value.name or "?"}>"
    else if value ? _type then "<${value._type}>"
    else if value == { } then "{ }"
    else "{\n" + concatStringsSep "" (map (n: next + showOption [ n ] + " = " + toPretty next value.${n} + ";\n")
      (attrNames value)) + indent + "}";

  # toPretty for a browser: nested `depth` levels and `width` elements of each list or set
  # at most ("..." stands for the rest), so a package set prints as a few lines.
  toPrettyShort = depth: width: indent: value:
    let
      next = indent + "  ";
      shown = l: lib.lists.take width l;
      more = l: if length l > width then next + "...\n" else "";
    in
    if isList value && value != [ ] then
      (if depth == 0 then "[ ... ]"
       else "[\n" + concatStringsSep "" (map (v: next + toPrettyShort (depth - 1) width next v + "\n") (shown value))
         + more value + indent + "]")
    else if isAttrs value && value != { } && value.type or null != "derivation" && !(value ? _type) then
      (if depth == 0 then "{ ... }"
       else "{\n" + concatStringsSep "" (map (n: next + showOption [ n ] + " = " + toPrettyShort (depth - 1) width next value.${n} + ";\n")
         (shown (attrNames value))) + more (attrNames value) + indent + "}")
    else toPretty indent value;

  # "\n- In `file': value" for each definition (the tail of nixpkgs' error messages).
  showDefs = defs: concatStringsSep "" (map (def:
    let
      text = toPretty "" def.value;
      lines = filter isString (split "\n" text);
      shown = if length lines > 1
        then ":\n" + concatStringsSep "\n" (map (l: "    " + l) lines)
        else ": " + text;
    in
    "\n- In `${toString def.file}'${shown}") defs);

  showFiles = files: concatStringsSep " and " (map (f: "`${toString f}'") files);

  prioritySuggestion = ''

    Use `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.
  '';
in
rec {
  inherit showOption showDefs showFiles toPretty;

  /** Declares an option; every field is optional (as in nixpkgs). */
  mkOption =
    { default ? null, defaultText ? null, example ? null, description ? null
    , relatedPackages ? null, type ? null, apply ? null, internal ? null
    , visible ? null, readOnly ? null }@attrs:
    attrs // { _type = "option"; };

  /** A boolean option, false by default: "Whether to enable NAME." */
  mkEnableOption = name: mkOption {
    default = false;
    example = true;
    description = "Whether to enable ${name}.";
    type = lib.types.bool;
  };

  /** An option choosing a package from `pkgs` (by attribute name or path), as nixpkgs'. */
  mkPackageOption = pkgs: name:
    { nullable ? false, default ? name, example ? null, extraDescription ? ""
    , pkgsText ? "pkgs" }:
    let
      path = if isList default then default else if default == null then null else [ default ];
      attrText = concatStringsSep "." path;
      nameText = if isList name then concatStringsSep "." name else name;
    in
    mkOption ({
      type = if nullable then lib.types.nullOr lib.types.package else lib.types.package;
      description = "The ${nameText} package to use."
        + (if extraDescription == "" then "" else " " + extraDescription);
    } // (if path == null then { default = null; defaultText = literalExpression "null"; } else {
      default = lib.attrsets.attrByPath path
        (throw "${attrText} cannot be found in ${pkgsText}") pkgs;
      defaultText = literalExpression "${pkgsText}.${attrText}";
    }) // (if example == null then { } else {
      example = if isString example then literalExpression "${pkgsText}.${example}" else example;
    }));

  /** A default or example shown as Nix code in documentation. */
  literalExpression = text: { _type = "literalExpression"; inherit text; };
  /** A default or example shown as Markdown in documentation. */
  literalMD = text: { _type = "literalMD"; inherit text; };

  /** Whether a value is an option declaration. */
  isOption = value: isAttrs value && value._type or null == "option";

  /** The values of definitions (`{ file; value; }`). */
  getValues = map (def: def.value);
  /** The files of definitions. */
  getFiles = map (def: def.file);

  /** Merge definitions that must all be equal (bool, int, str, enum, ...). */
  mergeEqualOption = loc: defs:
    if defs == [ ] then abort "This case should never happen."
    else if all (def: (head defs).value == def.value) (tail defs) then (head defs).value
    else throw "The option `${showOption loc}' has conflicting definition values:${showDefs defs}${prioritySuggestion}";

  /** Merge definitions of which there must be exactly one. */
  mergeUniqueOption = { message }: loc: defs:
    if length defs == 1 then (head defs).value
    else throw "The option `${showOption loc}' is defined multiple times while it's expected to be unique.\n${message}\nDefinition values:${showDefs defs}${prioritySuggestion}";

  /** `mergeUniqueOption` with no extra message. */
  mergeOneOption = mergeUniqueOption { message = ""; };

  /** The merge of types that have no merge of their own: lists concatenate, sets update,
      functions merge their results, equal values stay, anything else is an error. */
  mergeDefaultOption = loc: defs:
    let values = map (def: def.value) defs; in
    if length values == 1 then head values
    else if all isFunction values then (args: mergeDefaultOption loc (map (def: def // { value = def.value args; }) defs))
    else if all isList values then concatMap (v: v) values
    else if all isAttrs values then foldl' (a: b: a // b) { } values
    else if all isBool values then foldl' (a: b: a || b) false values
    else if all isString values then concatStringsSep "" values
    else if all (v: v == head values) values then head values
    else throw "Cannot merge definitions of `${showOption loc}'. Definition values:${showDefs defs}";

  /** Every option of an `options` tree as a flat list of records, sorted by name:
      `{ name; loc; type; description; default?; defaultText?; example?; declarations;
      internal; visible; readOnly; }` -- submodules' options appear under `<name>`/`*`. */
  optionAttrSetToDocList = optionAttrSetToDocList' [ ];

  optionAttrSetToDocList' = prefix: options:
    concatMap (name:
      let opt = options.${name}; in
      if isOption opt then
        let
          subOptions = if opt ? type && opt.type ? getSubOptions
            then opt.type.getSubOptions opt.loc else { };
          doc = {
            name = showOption opt.loc;
            inherit (opt) loc;
            type = if opt ? type then opt.type.description else "unspecified";
            description = opt.description or null;
            declarations = opt.declarations or [ ];
            internal = opt.internal or false;
            visible = opt.visible or true;
            readOnly = opt.readOnly or false;
          } // (if opt ? defaultText then { default = opt.defaultText; }
            else if opt ? default then { default = literalExpression (toPretty "" opt.default); } else { })
            // (if opt ? example then { example = opt.example; } else { });
        in
        [ doc ] ++ optionAttrSetToDocList' opt.loc subOptions
      else if isAttrs opt then optionAttrSetToDocList' (prefix ++ [ name ]) opt
      else [ ]) (attrNames options);

  /** What the options browser shows: every option (not internal or invisible ones) with its
      type, default, description, the definitions that set it with their files, and the
      `{ file; line; column; }` of each module's definition (for underlining it). The
      options of submodules follow their option, under `<name>` or `*`, with `sub = true`
      and no definitions (each attribute or element defines them). */
  optionsToData = options:
    let
      walk = sub: tree: concatMap (name:
        let opt = tree.${name}; in
        if isOption opt then [{
          name = showOption opt.loc;
          inherit (opt) loc;
          inherit sub;
          type = if opt ? type then opt.type.description else "unspecified";
          description = opt.description or null;
          default = if opt ? defaultText then opt.defaultText
            else if opt ? default then literalExpression (toPrettyShort 3 12 "" opt.default) else null;
          declarations = map toString (opt.declarations or [ ]);
          definitions = if sub then [ ] else map (def: { file = toString def.file; value = toPrettyShort 3 12 "" def.value; })
            opt.definitionsWithLocations;
          positions = if sub then [ ] else filter (p: p != null) (opt.definitionPositions or [ ]);
          internal = opt.internal or false;
          visible = opt.visible or true;
          readOnly = opt.readOnly or false;
        }] ++ walk true (if opt ? type && opt.type ? getSubOptions then opt.type.getSubOptions opt.loc else { })
        else if isAttrs opt && !(opt ? _type) then walk sub opt
        else [ ]) (attrNames tree);
    in
    filter (o: !o.internal && o.visible) (walk false options);
}
