# lib.types: option types -- what a definition may be (`check`), how several definitions
# merge into one value (`merge`), and the words error messages use (`description`).
# Same names, descriptions and merge behaviour as nixpkgs' lib.types.
{ lib }:
let
  inherit (builtins)
    all any attrNames concatLists concatMap concatStringsSep elem filter genList head
    isAttrs isBool isFloat isFunction isInt isList isPath isString length listToAttrs
    map match substring toJSON;
  inherit (lib.options)
    showOption showDefs mergeEqualOption mergeOneOption mergeDefaultOption getValues;
  inherit (lib.modules) mergeDefinitions evalModules pushDownProperties;

  isStorePath = x: (isString x || isPath x || x ? outPath)
    && substring 0 11 (toString x) == "/nix/store/";

  # A value of an attribute set's or list's element type, or nothing when every definition
  # of it was discharged (`mkIf false`): `[ value ]` or `[ ]`.
  mergedIfDefined = loc: type: defs:
    let res = mergeDefinitions loc type defs; in
    if res.isDefined then [ res.mergedValue ] else [ ];

  # The definitions of one attribute of attribute-set definitions.
  attrDefs = defs: name: concatMap (def:
    if def.value ? ${name} then [{ inherit (def) file; value = def.value.${name}; }] else [ ])
    defs;

  allNames = defs: attrNames (listToAttrs (concatMap (def:
    map (n: { name = n; value = null; }) (attrNames def.value)) defs));

  # Definitions of an attribute-set type with `mkIf`/`mkMerge` pushed into each attribute.
  pushedDefs = defs: concatMap (def:
    map (value: { inherit (def) file; inherit value; }) (pushDownProperties def.value)) defs;

  intBetween = description: lo: hi: mkOptionType {
    name = "intBetween";
    inherit description;
    check = x: isInt x && x >= lo && x <= hi;
    merge = mergeEqualOption;
  };

  sizedInts = bits: unsigned:
    let
      pow = n: if n == 0 then 1 else 2 * pow (n - 1);
      lo = if unsigned then 0 else - (pow (bits - 1));
      hi = if unsigned then pow bits - 1 else pow (bits - 1) - 1;
    in
    intBetween "${toString bits} bit ${if unsigned then "unsigned" else "signed"} integer; between ${toString lo} and ${toString hi} (both inclusive)" lo hi;

  mkOptionType =
    { name, description ? name, descriptionClass ? null, check ? (x: true)
    , merge ? mergeDefaultOption, emptyValue ? { }, getSubOptions ? (prefix: { })
    , getSubModules ? null, nestedTypes ? { }, typeMerge ? (other: null)
    , deprecationMessage ? null }:
    {
      _type = "option-type";
      inherit name description descriptionClass check merge emptyValue getSubOptions
        getSubModules nestedTypes typeMerge deprecationMessage;
    };

  isType = type: x: (x._type or "") == type;

  separatedString = sep: mkOptionType {
    name = "separatedString";
    description = if sep == "" then "Concatenated string" else "strings concatenated with ${toJSON sep}";
    check = isString;
    merge = loc: defs: concatStringsSep sep (getValues defs);
  };

  types = rec {
    inherit isType mkOptionType;

    /** Two declarations' types as one, or null when they cannot merge: equal simple types,
        submodules (their modules together), and containers of mergeable types. */
    mergeTypes = a: b:
      if a.name != b.name then null
      else if a ? submoduleAttrs then a.typeMerge b
      else if elem a.name [ "listOf" "attrsOf" "lazyAttrsOf" "nullOr" ] then
        let elemType = mergeTypes a.nestedTypes.elemType b.nestedTypes.elemType; in
        if elemType == null then null else types.${a.name} elemType
      else if a.nestedTypes == { } && a.description == b.description then a
      else null;

    raw = mkOptionType { name = "raw"; description = "raw value"; merge = mergeOneOption; };

    anything = mkOptionType {
      name = "anything";
      description = "anything";
      merge = loc: defs:
        let values = getValues defs; in
        if all isAttrs values && !(any (v: v.type or null == "derivation") values) then
          listToAttrs (concatMap (name: map (value: { inherit name value; })
            (mergedIfDefined (loc ++ [ name ]) anything (attrDefs (pushedDefs defs) name)))
            (allNames (pushedDefs defs)))
        else if all isFunction values then
          (args: anything.merge loc (map (def: def // { value = def.value args; }) defs))
        else if all isList values then mergeEqualOption loc defs
        else mergeEqualOption loc defs;
    };

    unspecified = mkOptionType { name = "unspecified"; };

    # A type that also requires `check` of its values (same name and description).
    addCheck = elemType: check: elemType // { check = x: elemType.check x && check x; };

    bool = mkOptionType { name = "bool"; description = "boolean"; check = isBool; merge = mergeEqualOption; };

    int = mkOptionType { name = "int"; description = "signed integer"; check = isInt; merge = mergeEqualOption; };

    ints = {
      between = lo: hi: intBetween "integer between ${toString lo} and ${toString hi} (both inclusive)" lo hi;
      unsigned = mkOptionType {
        name = "unsignedInt"; description = "unsigned integer, meaning >=0";
        check = x: isInt x && x >= 0; merge = mergeEqualOption;
      };
      positive = mkOptionType {
        name = "positiveInt"; description = "positive integer, meaning >0";
        check = x: isInt x && x > 0; merge = mergeEqualOption;
      };
      u8 = sizedInts 8 true;
      u16 = sizedInts 16 true;
      u32 = sizedInts 32 true;
      s8 = sizedInts 8 false;
      s16 = sizedInts 16 false;
      s32 = sizedInts 32 false;
    };

    port = ints.u16;

    float = mkOptionType { name = "float"; description = "floating point number"; check = isFloat; merge = mergeEqualOption; };

    number = either int float;

    str = mkOptionType { name = "str"; description = "string"; check = isString; merge = mergeEqualOption; };

    nonEmptyStr = mkOptionType {
      name = "nonEmptyStr"; description = "non-empty string";
      check = x: isString x && match "[[:space:]]*" x == null; merge = mergeEqualOption;
    };

    strMatching = pattern: mkOptionType {
      name = "strMatching ${toJSON pattern}";
      description = "string matching the pattern ${pattern}";
      check = x: isString x && match pattern x != null;
      merge = mergeEqualOption;
    };

    inherit separatedString;
    lines = separatedString "\n";
    commas = separatedString ",";
    envVar = separatedString ":";

    path = mkOptionType {
      name = "path"; description = "path";
      check = x: isPath x || (isString x && substring 0 1 x == "/") || (x ? outPath);
      merge = mergeEqualOption;
    };

    package = mkOptionType {
      name = "package"; description = "package";
      check = x: (x.type or null == "derivation") || isStorePath x;
      merge = mergeOneOption;
    };

    enum = values: mkOptionType {
      name = "enum";
      description =
        if values == [ ] then "impossible (empty enum)"
        else if length values == 1 then "value ${toJSON (head values)} (singular enum)"
        else "one of ${concatStringsSep ", " (map toJSON values)}";
      check = x: elem x values;
      merge = mergeEqualOption;
    };

    attrs = mkOptionType {
      name = "attrs"; description = "attribute set"; check = isAttrs;
      merge = loc: defs: lib.foldl' (a: b: a // b) { } (getValues defs);
    };

    listOf = elemType: mkOptionType {
      name = "listOf";
      description = "list of ${elemType.description}";
      check = isList;
      merge = loc: defs: concatLists (lib.lists.imap1 (n: def:
        concatLists (lib.lists.imap1 (m: value:
          mergedIfDefined (loc ++ [ "[definition ${toString n}-entry ${toString m}]" ]) elemType
            [{ inherit (def) file; inherit value; }]) def.value)) defs);
      emptyValue = { value = [ ]; };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "*" ]);
      nestedTypes.elemType = elemType;
    };

    attrsOf = attrsOfWith { lazy = false; };
    lazyAttrsOf = attrsOfWith { lazy = true; };

    # An attribute set's type: attrsOf drops an attribute whose definitions all vanish
    # (`mkIf false`), which evaluates them; lazyAttrsOf keeps every name, and such an
    # attribute fails only when used.
    attrsOfWith = { lazy }: elemType: mkOptionType {
      name = if lazy then "lazyAttrsOf" else "attrsOf";
      description = "${if lazy then "lazy " else ""}attribute set of ${elemType.description}";
      check = isAttrs;
      merge = loc: defs:
        let
          pushed = pushedDefs defs;
          lazyValue = name:
            let res = mergeDefinitions (loc ++ [ name ]) elemType (attrDefs pushed name); in
            if res.isDefined then res.mergedValue
            else throw "The option `${showOption (loc ++ [ name ])}' is used but not defined.";
        in
        listToAttrs (concatMap (name:
          if lazy then [{ inherit name; value = lazyValue name; }]
          else map (value: { inherit name value; })
            (mergedIfDefined (loc ++ [ name ]) elemType (attrDefs pushed name))) (allNames pushed));
      emptyValue = { value = { }; };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<name>" ]);
      nestedTypes.elemType = elemType;
    };

    nullOr = elemType: mkOptionType {
      name = "nullOr";
      description = "null or ${elemType.description}";
      check = x: x == null || elemType.check x;
      merge = loc: defs:
        let nulls = filter (def: def.value == null) defs; in
        if length nulls == length defs then null
        else if nulls != [ ] then
          throw "The option `${showOption loc}' is defined both null and not null, in ${lib.options.showFiles (map (d: d.file) defs)}."
        else elemType.merge loc defs;
      emptyValue = { value = null; };
      getSubOptions = elemType.getSubOptions;
      nestedTypes.elemType = elemType;
    };

    uniq = unique { message = ""; };

    unique = { message }: elemType: mkOptionType {
      inherit (elemType) name description check getSubOptions;
      merge = lib.options.mergeUniqueOption { inherit message; };
      nestedTypes.elemType = elemType;
    };

    either = t1: t2: mkOptionType {
      name = "either";
      description = "${t1.description} or ${t2.description}";
      check = x: t1.check x || t2.check x;
      merge = loc: defs:
        let values = getValues defs; in
        if all t1.check values then t1.merge loc defs
        else if all t2.check values then t2.merge loc defs
        else mergeOneOption loc defs;
      nestedTypes = { left = t1; right = t2; };
    };

    oneOf = ts:
      if ts == [ ] then throw "types.oneOf needs to get at least one type in its argument"
      else lib.foldl' either (head ts) (lib.lists.drop 1 ts);

    coercedTo = coercedType: coerceFunc: finalType: mkOptionType {
      name = "coercedTo";
      description = "${finalType.description} or ${coercedType.description} convertible to it";
      check = x: (coercedType.check x && finalType.check (coerceFunc x)) || finalType.check x;
      merge = loc: defs: finalType.merge loc (map (def: def // {
        value = if finalType.check def.value then def.value
          else if coercedType.check def.value then coerceFunc def.value
          else def.value;
      }) defs);
      getSubOptions = finalType.getSubOptions;
      nestedTypes = { inherit coercedType finalType; };
    };

    functionTo = elemType: mkOptionType {
      name = "functionTo";
      description = "function that evaluates to a(n) ${elemType.description}";
      check = isFunction;
      merge = loc: defs: args: elemType.merge loc
        (map (def: { inherit (def) file; value = def.value args; }) defs);
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<function body>" ]);
      nestedTypes.elemType = elemType;
    };

    submodule = modules: submoduleWith {
      shorthandOnlyDefinesConfig = true;
      modules = lib.toList modules;
    };

    deferredModule = mkOptionType {
      name = "deferredModule";
      description = "module";
      check = x: isAttrs x || isFunction x || isPath x;
      merge = loc: defs: { imports = map (def: { _file = def.file; imports = [ def.value ]; }) defs; };
    };

    submoduleWith =
      { modules, specialArgs ? { }, shorthandOnlyDefinesConfig ? false, description ? null
      , class ? null }@attrs:
      let
        asModule = def:
          if shorthandOnlyDefinesConfig && isAttrs def.value && !(def.value ? _type)
          then { _file = def.file; config = def.value; }
          else { _file = def.file; imports = [ def.value ]; };
        evalWith = loc: defs: evalModules {
          inherit specialArgs class;
          prefix = loc;
          modules = modules ++ [{ _module.args.name = lib.last loc; }] ++ map asModule defs;
        };
      in
      mkOptionType {
        name = "submodule";
        description = if description != null then description else "submodule";
        check = x: isAttrs x || isFunction x || isPath x;
        merge = loc: defs: (evalWith loc defs).config;
        emptyValue = { value = { }; };
        getSubOptions = prefix: (evalModules {
          inherit specialArgs class prefix;
          modules = modules ++ [{ _module.args.name = lib.last prefix; }];
        }).options;
        getSubModules = modules;
        typeMerge = other:
          if other.name or null == "submodule" && other ? submoduleAttrs then
            submoduleWith (attrs // {
              modules = modules ++ other.submoduleAttrs.modules;
              specialArgs = specialArgs // (other.submoduleAttrs.specialArgs or { });
            })
          else null;
      } // { submoduleAttrs = attrs // { inherit modules; }; };
  };
in
types
