# A module-system-style workload: a small module system written here (options with
# types and defaults, definitions wrapped in mkIf / mkMerge / mkDefault / mkForce /
# mkOverride, merged by priority, `config` as a fixed point that modules read), evaluating
# 600 services × 8 options declared by one module and defined by four others: about
# 6,000 definitions merged into 4,800 options, then every option's value is forced.
let
  inherit (builtins)
    all any attrNames concatMap concatStringsSep elem filter foldl' genList head isAttrs
    isList length listToAttrs map mapAttrs tail toString
    ;

  # Definitions and their wrappers (as a module system's lib has them).
  mkIf = condition: content: { _type = "if"; inherit condition content; };
  mkMerge = contents: { _type = "merge"; inherit contents; };
  mkOverride = priority: content: { _type = "override"; inherit priority content; };
  mkDefault = mkOverride 1000;
  mkForce = mkOverride 50;
  defaultPriority = 100;

  # Options and their types: a check and a merge of the values of equal priority.
  mkOption = { type, default ? null }: { _type = "option"; inherit type default; };
  types = {
    bool = { name = "bool"; check = builtins.isBool; merge = values: foldl' (a: b: a || b) false values; };
    int = { name = "int"; check = builtins.isInt; merge = values: head values; };
    str = { name = "string"; check = builtins.isString; merge = values: concatStringsSep "\n" values; };
    listOf = elemType: { name = "list of ${elemType.name}"; check = x: isList x && all elemType.check x; merge = values: concatMap (x: x) values; };
    attrsOf = elemType: { name = "attribute set of ${elemType.name}"; check = x: isAttrs x && all (n: elemType.check x.${n}) (attrNames x); merge = values: foldl' (a: b: a // b) { } values; };
  };

  # Pushes `mkIf` and `mkMerge` down into attribute sets, so that definitions can be
  # collected per option (what nixpkgs' pushDownProperties does).
  pushDown = def:
    if def._type or "" == "merge" then concatMap pushDown def.contents
    else if def._type or "" == "if" then map (d: mapAttrs (n: v: mkIf def.condition v) d) (pushDown def.content)
    else [ def ];

  # The definitions of an option (a list of wrapped values) reduced to its value.
  discharge = def:
    if def._type or "" == "if" then (if def.condition then discharge def.content else [ ])
    else if def._type or "" == "merge" then concatMap discharge def.contents
    else if def._type or "" == "override" then map (d: { priority = def.priority; value = d.value; }) (discharge def.content)
    else [ { priority = defaultPriority; value = def; } ];
  mergeOption = path: option: defs:
    let
      values = concatMap discharge defs;
      best = foldl' (p: v: if v.priority < p then v.priority else p) 9999 values;
      chosen = map (v: v.value) (filter (v: v.priority == best) values);
      wrong = filter (v: !option.type.check v) chosen;
    in
    if chosen == [ ] then option.default
    else if wrong != [ ] then throw "option ${concatStringsSep "." path} is not of type ${option.type.name}"
    else option.type.merge chosen;

  # Declarations and definitions merged into `config`, recursively.
  isOption = x: isAttrs x && x._type or "" == "option";
  mergeTree = path: decl: defs:
    if isOption decl then mergeOption path decl defs
    else
      let pushed = concatMap pushDown defs;
      in mapAttrs (name: sub:
        mergeTree (path ++ [ name ]) sub (concatMap (p: if p ? ${name} then [ p.${name} ] else [ ]) pushed)
      ) decl;
  evalModules = modules:
    let
      resolved = map (m: if builtins.isFunction m then m { inherit config; } else m) modules;
      options = foldl' (a: m: a // (m.options or { })) { } resolved;
      config = mergeTree [ ] options (map (m: m.config or { }) resolved);
    in
    config;

  # 600 services, each with 8 options.
  names = genList (i: "service${toString i}") 600;
  serviceOptions = {
    enable = mkOption { type = types.bool; default = false; };
    port = mkOption { type = types.int; default = 0; };
    user = mkOption { type = types.str; default = "nobody"; };
    extraArgs = mkOption { type = types.listOf types.str; default = [ ]; };
    environment = mkOption { type = types.attrsOf types.str; default = { }; };
    openFirewall = mkOption { type = types.bool; default = false; };
    workers = mkOption { type = types.int; default = 1; };
    description = mkOption { type = types.str; default = ""; };
  };
  declarations = { options.services = listToAttrs (map (name: { inherit name; value = serviceOptions; }) names); };

  defaults = { config, ... }: {
    config.services = listToAttrs (map (name: {
      inherit name;
      value = {
        port = mkDefault 8000;
        user = mkDefault name;
        extraArgs = [ "--name=${name}" ];
        environment = { SERVICE = name; };
        description = mkDefault "the ${name} service";
      };
    }) names);
  };
  enabled = { config, ... }: {
    config.services = listToAttrs (genList (i: {
      name = "service${toString (i * 2)}";
      value = mkMerge [
        { enable = true; port = 8000 + i; workers = mkDefault 2; }
        (mkIf (i > 100) { extraArgs = [ "--verbose" "--log=${toString i}" ]; environment.LEVEL = "debug"; })
      ];
    }) 300);
  };
  firewall = { config, ... }: {
    config.services = mapAttrs (name: svc: mkIf svc.enable {
      openFirewall = svc.port > 8010;
      extraArgs = [ "--port=${toString svc.port}" ];
    }) (mapAttrs (n: v: { inherit (config.services.${n}) enable port; }) declarations.options.services);
  };
  overrides = { config, ... }: {
    config.services = listToAttrs (genList (i: {
      name = "service${toString (i * 5)}";
      value = { user = mkForce "root"; workers = mkIf config.services."service${toString (i * 5)}".enable 8; };
    }) 120);
  };

  config = evalModules [ declarations defaults enabled firewall overrides ];
  services = map (n: config.services.${n}) names;
in
{
  enabled = length (filter (s: s.enable) services);
  open = length (filter (s: s.openFirewall) services);
  ports = foldl' (a: s: a + s.port) 0 services;
  workers = foldl' (a: s: a + s.workers) 0 services;
  args = foldl' (a: s: a + length s.extraArgs) 0 services;
  roots = length (filter (s: s.user == "root") services);
  env = foldl' (a: s: a + length (attrNames s.environment)) 0 services;
  text = foldl' (a: s: a + builtins.stringLength s.description) 0 services;
}
