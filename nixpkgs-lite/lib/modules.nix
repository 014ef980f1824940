# lib.modules: the module system. `evalModules` gathers modules (with their imports), merges
# their option declarations, merges every option's definitions by priority, order and type,
# and returns `config` and `options`. Same names, behaviour and error messages as nixpkgs'
# lib.modules, written from scratch for Nixpad.
{ lib }:
let
  inherit (builtins)
    all any attrNames concatLists concatMap elem filter foldl' functionArgs genList head
    isAttrs isBool isFunction isList isPath isString length listToAttrs map mapAttrs
    removeAttrs sort tail throw toString;
  inherit (lib.options) showOption showDefs showFiles isOption mkOption;

  # The attributes a module may have besides `config`/`options` (or, in shorthand, its config).
  moduleKeywords = [ "_class" "_file" "key" "disabledModules" "imports" "meta" "freeformType" ];

  # Names of the module, for messages: its key or file.
  moduleName = m: if m.key != "" then m.key else toString m.file;

  # Turns a module (already applied to its arguments) into { key; file; disabledModules;
  # imports; options; config; class; }.
  unifyModule = file: key: m:
    let
      explicit = m ? config || m ? options;
      extra = removeAttrs m (moduleKeywords ++ [ "config" "options" ]);
      fileOf = toString (m._file or file);
      config =
        if !explicit then removeAttrs m moduleKeywords
        else if extra != { } then
          throw "Module `${if m ? key then toString m.key else key}' has an unsupported attribute `${head (attrNames extra)}'. This is caused by introducing a top-level `config' or `options' attribute. Add configuration attributes immediately on the top level instead, or move all of them (namely: ${lib.concatStringsSep " " (attrNames extra)}) into the explicit `config' attribute."
        else m.config or { };
    in
    {
      file = fileOf;
      key = toString (m.key or key);
      class = m._class or null;
      disabledModules = m.disabledModules or [ ];
      imports = m.imports or [ ];
      options = m.options or { };
      config = if m ? freeformType
        then lib.recursiveUpdate config { _module.freeformType = m.freeformType; }
        else config;
    };

  # A module function applied to its arguments: `config`, `options`, `lib`, the special
  # arguments, and `config._module.args` for the rest (lazily, so unused ones never fail).
  applyModule = args: key: f:
    if !isFunction f then f
    else
      f (mapAttrs (name: _: builtins.addErrorContext
        "while evaluating the module argument `${name}' in \"${key}\":"
        (args.${name} or args.config._module.args.${name})) (functionArgs f)
        // args);

  # All modules reachable through `imports`, depth first, without duplicates (by key) and
  # without the disabled ones (`disabledModules` of any module, even a disabled one).
  collectModules = class: args: modules:
    let
      load = parentFile: parentKey: index: m:
        let
          isFile = isPath m || isString m;
          value = if isFile then import m else m;
          file = if isFile then toString m else parentFile;
          key = if isFile then toString m else "${parentKey}:anon-${toString index}";
          applied = applyModule args key value;
          unified =
            if !isAttrs applied then
              throw "Module `${key}' is not an attribute set or a function returning one (it is a ${builtins.typeOf applied})."
            else unifyModule file key applied;
        in
        if class != null && unified.class != null && unified.class != class then
          throw "The module `${moduleName unified}' was imported into `${class}' instead of `${unified.class}'."
        else unified;
      # The import tree: each module with the modules it imports.
      tree = parentFile: parentKey: ms:
        lib.lists.imap1 (i: m:
          let unified = load parentFile parentKey i m; in
          { module = unified; children = tree unified.file unified.key unified.imports; }) ms;
      top = tree "<unknown-file>" "<unknown-file>" modules;
      # Depth first, each module before its imports; `keep` decides whether a module (and
      # through it, its imports) is part of the result.
      flatten = keep: nodes: concatMap (n:
        if keep n.module then [ n.module ] ++ flatten keep n.children else [ ]) nodes;
      all' = flatten (m: true) top;
      disabledKey = d:
        if isAttrs d && d ? key then toString d.key
        else if isString d && args ? modulesPath && builtins.substring 0 1 d != "/"
        then toString args.modulesPath + "/" + d
        else toString d;
      disabled = map disabledKey (concatMap (m: m.disabledModules) all');
      # A disabled module is left out with what only it imports.
      dedup = foldl' (acc: m:
        if acc.seen ? ${m.key} then acc
        else { seen = acc.seen // { ${m.key} = true; }; list = acc.list ++ [ m ]; })
        { seen = { }; list = [ ]; } (flatten (m: !(elem m.key disabled)) top);
    in
    dedup.list;

  # `mkIf`/`mkMerge`/`mkOverride` around an attribute set moved inside its attributes, giving
  # a list of plain attribute sets. Only the attribute names are needed, not the conditions.
  pushDownProperties = value: map (pushed: pushed.value) (pushDownWithSources value);

  # The same, each set with the set written in the module (`source`), whose attributes still
  # have their positions in the file.
  pushDownWithSources = value:
    let
      wrapEach = wrap: map (pushed: pushed // { value = mapAttrs (_: wrap) pushed.value; });
    in
    if value._type or null == "merge" then concatMap pushDownWithSources value.contents
    else if value._type or null == "if" then
      wrapEach (mkIf value.condition) (pushDownWithSources value.content)
    else if value._type or null == "override" then
      wrapEach (mkOverride value.priority) (pushDownWithSources value.content)
    else [{ inherit value; source = value; }];

  # A definition's values once `mkMerge` and `mkIf` are applied.
  dischargeProperties = value:
    if value._type or null == "merge" then concatMap dischargeProperties value.contents
    else if value._type or null == "if" then
      if isBool value.condition then
        (if value.condition then dischargeProperties value.content else [ ])
      else throw "mkIf called with a non-Boolean condition"
    else [ value ];

  defaultOverridePriority = 100;
  defaultOrderPriority = 1000;

  # Keeps the definitions of the highest priority (the lowest number).
  filterOverrides = defs:
    let
      prio = def: if def.value._type or null == "override" then def.value.priority else defaultOverridePriority;
      highestPrio = foldl' (p: def: if prio def < p then prio def else p) 9999 defs;
      strip = def: if def.value._type or null == "override" then def // { value = def.value.content; } else def;
    in
    { inherit highestPrio; values = concatMap (def: if prio def == highestPrio then [ (strip def) ] else [ ]) defs; };

  # Orders definitions by `mkOrder` priority (stable).
  sortProperties = defs:
    let
      strip = def: if def.value._type or null == "order"
        then def // { value = def.value.content; inherit (def.value) priority; }
        else def // { priority = defaultOrderPriority; };
      indexed = lib.lists.imap0 (i: def: strip def // { index = i; }) defs;
    in
    map (def: removeAttrs def [ "priority" "index" ])
      (sort (a: b: a.priority < b.priority || (a.priority == b.priority && a.index < b.index)) indexed);

  /** Merges the definitions (`{ file; value; }`) of one option of type `type`:
      `{ defsFinal; defsFinal'; isDefined; mergedValue; optionalValue; }`. */
  mergeDefinitions = loc: type: defs:
    let
      discharged = concatMap (def:
        map (value: { inherit (def) file; inherit value; }) (dischargeProperties def.value)) defs;
      overridden = filterOverrides discharged;
      defsFinal = sortProperties overridden.values;
      invalid = filter (def: !type.check def.value) defsFinal;
      isDefined = defsFinal != [ ];
      mergedValue =
        if invalid != [ ] then
          throw "A definition for option `${showOption loc}' is not of type `${type.description}'. Definition values:${showDefs invalid}"
        else type.merge loc defsFinal;
    in
    {
      inherit defsFinal isDefined mergedValue;
      defsFinal' = { values = defsFinal; inherit (overridden) highestPrio; };
      optionalValue = if isDefined then { value = mergedValue; } else { };
    };

  # Merges several declarations of one option (submodule types merge their modules).
  mergeOptionDecls = loc: decls:
    foldl' (res: decl:
      let opt = decl.options; in
      if res == null then opt // { declarations = [ decl.file ]; }
      else
        let
          bothHave = field: res ? ${field} && opt ? ${field};
          bothTyped = bothHave "type";
          merged = if bothTyped then lib.types.mergeTypes res.type opt.type else null;
        in
        if (bothTyped && merged == null) || any bothHave [ "default" "example" "description" "apply" ] then
          throw "The option `${showOption loc}' in `${decl.file}' is already declared in ${showFiles res.declarations}."
        else res // opt // {
          declarations = res.declarations ++ [ decl.file ];
        } // (if bothTyped then { type = merged; } else { }))
      null decls;

  # One option's value and metadata from its declaration and definitions.
  evalOptionValue = loc: opt: defs:
    let
      type = opt.type or lib.types.unspecified;
      withDefault = (if opt ? default
        then [{ file = head opt.declarations; value = mkOptionDefault opt.default; }] else [ ]) ++ defs;
      res =
        if opt.readOnly or false && length defs > 1 then
          throw "The option `${showOption loc}' is read-only, but it's set multiple times. Definition values:${showDefs defs}"
        else mergeDefinitions loc type withDefault;
      value =
        if res.isDefined then (if opt ? apply && opt.apply != null then opt.apply res.mergedValue else res.mergedValue)
        else throw "The option `${showOption loc}' is used but not defined.";
    in
    opt // {
      _type = "option";
      inherit value loc type;
      inherit (res) isDefined;
      highestPrio = res.defsFinal'.highestPrio;
      definitions = map (def: def.value) res.defsFinal;
      definitionsWithLocations = res.defsFinal;
      files = map (def: def.file) res.defsFinal;
    };

  # Definitions of attribute sets with `mkIf`/`mkMerge`/`mkOverride` pushed inside
  # (`{ file; value; source; }`, see pushDownWithSources).
  pushDefs = concatMap (d:
    map (pushed: pushed // { inherit (d) file; }) (pushDownWithSources d.value));

  # Declarations and definitions merged level by level: { matchedOptions; unmatchedDefns; }
  # where matchedOptions is the `options` tree and unmatchedDefns the definitions of options
  # that do not exist (`{ file; prefix; value; }`). `defs` are plain attribute sets, as
  # pushDefs gives them.
  mergeModules = prefix: decls: defs:
    let
      names = attrNames (listToAttrs (map (n: { name = n; value = null; })
        (concatMap (d: attrNames d.options) decls)));
      declsAt = name: concatMap (d:
        if d.options ? ${name} then [{ inherit (d) file; options = d.options.${name}; }] else [ ]) decls;
      defsAt = name: concatMap (d:
        if d.value ? ${name} then [{ inherit (d) file; value = d.value.${name}; }] else [ ]) defs;
      pushed = name: pushDefs (defsAt name);
      # Where each module defines the option (file, line, column), null when unknown.
      positionsAt = name: concatMap (d:
        if d.value ? ${name} then [ (builtins.unsafeGetAttrPos name d.source) ] else [ ]) defs;
      children = listToAttrs (map (name:
        let
          here = declsAt name;
          loc = prefix ++ [ name ];
          optionDecls = filter (d: isOption d.options) here;
        in
        {
          inherit name;
          value =
            if optionDecls != [ ] then
              if length optionDecls != length here then
                throw "The option `${showOption loc}' in `${(head (filter (d: !isOption d.options) here)).file}' is a prefix of options in `${(head optionDecls).file}'."
              else {
                option = evalOptionValue loc (mergeOptionDecls loc optionDecls) (defsAt name)
                  // { definitionPositions = positionsAt name; };
                unmatched = [ ];
              }
            else
              let sub = mergeModules loc here (pushed name); in
              { option = sub.matchedOptions; unmatched = sub.unmatchedDefns; };
        }) names);
      declared = listToAttrs (map (n: { name = n; value = null; }) names);
      unmatchedHere = concatMap (d: concatMap (name:
        if declared ? ${name} then [ ]
        else [{ inherit (d) file; prefix = [ name ]; value = d.value.${name}; }])
        (attrNames d.value)) defs;
    in
    {
      matchedOptions = mapAttrs (_: c: c.option) children;
      unmatchedDefns = unmatchedHere ++ concatMap (name:
        map (u: u // { prefix = [ name ] ++ u.prefix; }) children.${name}.unmatched) names;
    };

  # The values of an `options` tree as a `config` tree.
  optionValues = options: mapAttrs (_: opt: if isOption opt then opt.value else optionValues opt) options;

  /** Evaluates a list of modules: `{ config; options; extendModules; _module; type; class; }`. */
  evalModules = evalArgs@{ modules, specialArgs ? { }, class ? null, prefix ? [ ], args ? { } }:
    let
      internalModule = {
        _file = "lib/modules.nix";
        key = "lib/modules.nix";
        options._module = {
          args = mkOption {
            type = lib.types.lazyAttrsOf lib.types.raw;
            description = "Additional arguments passed to each module in addition to ones like `lib`, `config`, and `pkgs`, `modulesPath`.";
            internal = true;
          };
          check = mkOption {
            type = lib.types.bool;
            default = true;
            description = "Whether to check whether all option definitions have matching declarations.";
            internal = true;
          };
          freeformType = mkOption {
            type = lib.types.nullOr lib.types.raw;
            default = null;
            description = "If set, merge all definitions that don't have an associated option together using this type.";
            internal = true;
          };
          specialArgs = mkOption {
            readOnly = true;
            internal = true;
            description = "Externally provided module arguments that can't be modified from within a configuration, but can be used in module imports.";
          };
        };
        config._module.args = { inherit extendModules; moduleType = type; } // args;
        config._module.specialArgs = specialArgs;
      };

      moduleArgs = {
        inherit config options;
        lib = specialArgs.lib or lib;
        _class = class;
        _prefix = prefix;
      } // specialArgs;

      collected = collectModules class moduleArgs ([ internalModule ] ++ modules);

      merged = mergeModules prefix
        (map (m: { inherit (m) file; options = m.options; }) collected)
        (pushDefs (map (m: { inherit (m) file; value = m.config; }) collected));

      options = merged.matchedOptions;

      freeformType = options._module.freeformType.value;

      declaredConfig = optionValues options;

      config =
        if freeformType == null then declaredConfig
        else lib.recursiveUpdate
          (freeformType.merge prefix (map (d: {
            inherit (d) file;
            value = lib.setAttrByPath d.prefix d.value;
          }) merged.unmatchedDefns))
          declaredConfig;

      checkUnmatched =
        if config._module.check && freeformType == null && merged.unmatchedDefns != [ ] then
          let
            first = head merged.unmatchedDefns;
            loc = prefix ++ first.prefix;
          in
          throw "The option `${showOption loc}' does not exist. Definition values:${showDefs [ first ]}"
        else null;

      checkedConfig = builtins.seq checkUnmatched config;

      type = lib.types.submoduleWith { inherit modules specialArgs class; };

      extendModules = { modules ? [ ], specialArgs ? { }, prefix ? evalArgs.prefix or [ ] }:
        evalModules (evalArgs // {
          modules = evalArgs.modules ++ modules;
          specialArgs = evalArgs.specialArgs or { } // specialArgs;
          inherit prefix;
        });
    in
    {
      _type = "configuration";
      # Modules see `config._module` (module arguments); the result's config does not
      # hold it, so a submodule's value is only its options and freeform settings.
      config = removeAttrs checkedConfig [ "_module" ];
      inherit options class;
      _module = checkedConfig._module;
      inherit type extendModules;
    };

  /** A definition that applies only when `condition` is true (lazily, unlike `if`). */
  mkIf = condition: content: { _type = "if"; inherit condition content; };
  /** Several definitions in one place. */
  mkMerge = contents: { _type = "merge"; inherit contents; };
  /** A definition with a priority: the lowest number wins (default 100). */
  mkOverride = priority: content: { _type = "override"; inherit priority content; };
  mkOptionDefault = mkOverride 1500;
  mkDefault = mkOverride 1000;
  mkImageMediaOverride = mkOverride 60;
  mkForce = mkOverride 50;
  mkVMOverride = mkOverride 10;
  /** A definition placed before (lower) or after (higher) others in lists and lines. */
  mkOrder = priority: content: { _type = "order"; inherit priority content; };
  mkBefore = mkOrder 500;
  mkAfter = mkOrder 1500;

  /** The definitions of `option`, applied to another option (keeping none if undefined). */
  mkAliasDefinitions = mkAliasAndWrapDefinitions (x: x);
  mkAliasAndWrapDefinitions = wrap: option:
    mkIf (isOption option && option.isDefined) (wrap (mkMerge option.definitions));
  mkAliasAndWrapDefsWithPriority = wrap: option:
    let prio = option.highestPrio or defaultOverridePriority; in
    mkIf (isOption option && option.isDefined)
      (wrap (mkMerge (map (mkOverride prio) option.definitions)));

  /** A module making option `from` an alias of `to`, with a warning when `from` is set. */
  mkRenamedOptionModule = from: to: { config, options, ... }:
    let
      fromOpt = lib.getAttrFromPath from options;
      toOf = lib.attrByPath to { } options;
    in
    {
      options = lib.setAttrByPath from (mkOption {
        visible = false;
        description = "Alias of {option}`${showOption to}`.";
        apply = x: lib.getAttrFromPath to config;
      });
      config = mkMerge ([
        (lib.setAttrByPath to (mkAliasAndWrapDefsWithPriority (x: x) fromOpt))
      ] ++ (if options ? warnings then [{
        warnings = mkIf fromOpt.isDefined [
          "The option `${showOption from}' defined in ${showFiles fromOpt.files} has been renamed to `${showOption to}'."
        ];
      }] else [ ]));
    };

  /** A module making option `optionName` an error to set, with instructions. */
  mkRemovedOptionModule = optionName: replacementInstructions: { options, ... }:
    let opt = lib.getAttrFromPath optionName options; in
    {
      options = lib.setAttrByPath optionName (mkOption {
        visible = false;
        apply = x: throw "The option `${showOption optionName}' can no longer be used since it's been removed. ${replacementInstructions}";
      });
      config = if options ? assertions then {
        assertions = [{
          assertion = !opt.isDefined;
          message = "The option definition `${showOption optionName}' in ${showFiles opt.files} no longer has any effect; please remove it.\n${replacementInstructions}";
        }];
      } else { };
    };
in
{
  inherit evalModules mergeDefinitions pushDownProperties dischargeProperties
    filterOverrides sortProperties mkIf mkMerge mkOverride mkOptionDefault mkDefault
    mkImageMediaOverride mkForce mkVMOverride mkOrder mkBefore mkAfter
    mkAliasDefinitions mkAliasAndWrapDefinitions mkAliasAndWrapDefsWithPriority
    mkRenamedOptionModule mkRemovedOptionModule defaultOverridePriority defaultOrderPriority;
  defaultPriority = defaultOverridePriority;
}
