# Whether a package may be evaluated, by its `meta` and the package set's `config`: a
# non-free license needs `allowUnfree`, a broken package `allowBroken`, a platform outside
# `meta.platforms` `allowUnsupportedSystem`, a known vulnerability `permittedInsecurePackages`.
# A refused package can still be looked at (`pkg.meta`, `pkg.name`); reading its `drvPath`
# or `outPath` raises the error, as in nixpkgs.
{ lib, config, hostPlatform }:
let
  envAllows = var: builtins.getEnv var == "1";

  allowUnfree = config.allowUnfree or (envAllows "NIXPKGS_ALLOW_UNFREE");
  allowUnfreePredicate = config.allowUnfreePredicate or (pkg: false);
  allowBroken = config.allowBroken or (envAllows "NIXPKGS_ALLOW_BROKEN");
  allowUnsupportedSystem = config.allowUnsupportedSystem or (envAllows "NIXPKGS_ALLOW_UNSUPPORTED_SYSTEM");
  permittedInsecurePackages = config.permittedInsecurePackages or [ ];
  allowInsecurePredicate = config.allowInsecurePredicate or (pkg: builtins.elem pkg.name permittedInsecurePackages);

  licenseList = meta: lib.toList (meta.license or [ ]);
  isFree = license: if builtins.isAttrs license then license.free or true else true;
  unfreeLicenses = meta: builtins.filter (l: !isFree l) (licenseList meta);
  showLicense = license: if builtins.isAttrs license then license.shortName or license.fullName or "unknown" else toString license;

  isUnfree = meta: unfreeLicenses meta != [ ];
  isBroken = meta: meta.broken or false;
  isUnsupported = meta: !lib.meta.availableOn hostPlatform { inherit meta; };
  isInsecure = meta: (meta.knownVulnerabilities or [ ]) != [ ];

  howToAllow = option: envVar: ''

    To allow it, pass `config` to nixpkgs:
      import <nixpkgs> { config = { ${option}; }; }
    or set the environment variable ${envVar}=1 (with --impure for flakes).'';

  # The first reason to refuse the package, or null.
  refusal = attrs:
    let
      inherit (attrs) meta;
      name = attrs.name or "«name-missing»";
      where = if meta ? position then " in ${meta.position}" else "";
      pkg = attrs // { inherit meta; };
    in
    if isUnfree meta && !allowUnfree && !allowUnfreePredicate pkg then
      "Package ‘${name}’${where} has an unfree license (‘${lib.concatMapStringsSep "’, ‘" showLicense (unfreeLicenses meta)}’), refusing to evaluate."
      + howToAllow "allowUnfree = true" "NIXPKGS_ALLOW_UNFREE"
      + "\nOr allow this package only:\n  config.allowUnfreePredicate = pkg: builtins.elem (lib.getName pkg) [ \"${lib.getName attrs}\" ];"
    else if isBroken meta && !allowBroken then
      "Package ‘${name}’${where} is marked as broken, refusing to evaluate."
      + howToAllow "allowBroken = true" "NIXPKGS_ALLOW_BROKEN"
    else if isUnsupported meta && !allowUnsupportedSystem then
      "Package ‘${name}’${where} is not available on the requested hostPlatform:\n  hostPlatform.system = \"${hostPlatform.system}\"\n  package.meta.platforms = ${builtins.toJSON (meta.platforms or [ ])}\n  package.meta.badPlatforms = ${builtins.toJSON (meta.badPlatforms or [ ])}"
      + howToAllow "allowUnsupportedSystem = true" "NIXPKGS_ALLOW_UNSUPPORTED_SYSTEM"
    else if isInsecure meta && !allowInsecurePredicate pkg then
      "Package ‘${name}’${where} is marked as insecure, refusing to evaluate.\n\nKnown issues:\n${lib.concatMapStrings (v: " - ${v}\n") meta.knownVulnerabilities}"
      + "\nTo allow it, add its name to config.permittedInsecurePackages:\n  import <nixpkgs> { config.permittedInsecurePackages = [ \"${name}\" ]; }"
    else
      null;
in
{
  # The attributes mkDerivation adds to every package's meta.
  commonMeta = attrs: {
    name = attrs.name;
    outputsToInstall = [ (if builtins.elem "bin" (attrs.outputs or [ ]) then "bin" else "out") ]
      ++ lib.optional (builtins.elem "man" (attrs.outputs or [ ])) "man";
    unfree = isUnfree attrs.meta;
    broken = isBroken attrs.meta;
    unsupported = isUnsupported attrs.meta;
    insecure = isInsecure attrs.meta;
    available = refusal attrs == null;
  };

  # `{ valid; handled; }`: `handled` is true, or throws why the package is refused.
  assessValidity = attrs:
    let why = refusal attrs;
    in {
      valid = why == null;
      handled = if why == null then true else throw why;
    };
}
