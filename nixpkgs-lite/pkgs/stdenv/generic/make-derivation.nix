# `stdenv.mkDerivation`: turns a package description into a real `derivation` call.
#
#   stdenv.mkDerivation { pname = "hello"; version = "2.12"; src = ...; }
#   stdenv.mkDerivation (finalAttrs: { ...; src = fetchurl { url = ".../hello-${finalAttrs.version}.tar.gz"; ... }; })
#
# The result is the derivation plus `passthru`, a checked `meta` and `overrideAttrs`.
{ lib, config }:
stdenv:
let
  checkMeta = import ./check-meta.nix { inherit lib config; inherit (stdenv) hostPlatform; };

  # Arguments that describe the package for Nix expressions, not for the build: they are
  # not passed to `derivation`.
  nonDerivationArgs = [
    "meta" "passthru" "pos" "env" "checkInputs" "nativeCheckInputs" "installCheckInputs"
    "nativeInstallCheckInputs" "realBuilder" "__structuredAttrs"
  ];

  # `mkDerivation` makes packages from a function of their final attributes (`finalAttrs`),
  # so that `overrideAttrs` can change an attribute and have everything that reads
  # `finalAttrs.x` see the change.
  makeDerivationExtensible = rattrs:
    let
      finalAttrs = rattrs (finalAttrs // { inherit finalPackage overrideAttrs; });
      finalPackage = mkDerivationSimple overrideAttrs finalAttrs;
      # `overrideAttrs (old: { ... })`, `overrideAttrs (final: prev: { ... })` or
      # `overrideAttrs { ... }`.
      overrideAttrs = f0:
        let f = lib.toExtension f0;
        in makeDerivationExtensible (final: let prev = rattrs final; in prev // f final prev);
    in
    finalPackage;

  # What the hooks of the native inputs (and of the compiler) would export during the build
  # for these host dependencies: nothing is built in nixpkgs-lite, so this is computed here
  # and written into the derivation's environment, where the .drv shows it.
  hookEnvironment = hooks: hostDeps:
    if hostDeps == [ ] then { }
    else
      let
        closure = map (item: item.pkg) (builtins.genericClosure {
          startSet = map (pkg: { key = pkg.outPath; inherit pkg; }) hostDeps;
          operator = item: map (pkg: { key = pkg.outPath; inherit pkg; }) (item.pkg.propagatedBuildInputs or [ ]);
        });
      in
      builtins.foldl' (acc: hook: acc // hook.setupHookEnv closure) { } hooks;

  # Cross-compiled packages are named after their platform (`zlib-aarch64-unknown-linux-gnu-1.3.1`),
  # static ones say so (`-static`), so that they are told apart from the build
  # platform's; downloads (fixed outputs) are the same everywhere and keep their name.
  hostSuffix = attrs:
    lib.optionalString (stdenv.isCross or false && (attrs.outputHash or "") == "") "-${stdenv.hostPlatform.config}";
  staticMarker = lib.optionalString (stdenv.hostPlatform.isStatic or false) "-static";

  # Splicing: in a cross-compiling package set, each package argument carries its build
  # platform's twin (`__spliced.buildHost`: the tools that run during the build) and its
  # host platform's (`__spliced.hostTarget`: the libraries that end up in the result).
  # `nativeBuildInputs` take the first, `buildInputs` the second, `depsBuildBuild` the
  # build platform's too. Natively there is nothing to choose.
  spliced = which:
    if stdenv.isCross or false then
      map (dep: if builtins.isAttrs dep && dep ? __spliced then dep.__spliced.${which} or dep else dep)
    else
      (deps: deps);

  mkDerivationSimple = overrideAttrs: attrs:
    let
      name =
        if attrs ? name then attrs.name + hostSuffix attrs
        else if attrs ? pname && attrs ? version then "${attrs.pname}${staticMarker}${hostSuffix attrs}-${attrs.version}"
        else throw "stdenv.mkDerivation: give either `name`, or `pname` and `version` (got: ${lib.concatStringsSep ", " (builtins.attrNames attrs)}).";

      doCheck = attrs.doCheck or (config.doCheckByDefault or false);
      doInstallCheck = attrs.doInstallCheck or false;
      structuredAttrs = attrs.__structuredAttrs or (config.structuredAttrsByDefault or false);
      outputs = attrs.outputs or [ "out" ];

      nativeBuildInputs = spliced "buildHost" ((attrs.nativeBuildInputs or [ ])
        ++ lib.optionals doCheck (attrs.nativeCheckInputs or [ ])
        ++ lib.optionals doInstallCheck (attrs.nativeInstallCheckInputs or [ ]));
      # Libraries are linked against their `dev` output (headers, pkg-config files).
      buildInputs = lib.chooseDevOutputs (spliced "hostTarget" ((attrs.buildInputs or [ ])
        ++ lib.optionals doCheck (attrs.checkInputs or [ ])
        ++ lib.optionals doInstallCheck (attrs.installCheckInputs or [ ])));
      propagatedBuildInputs = lib.chooseDevOutputs (spliced "hostTarget" (attrs.propagatedBuildInputs or [ ]));
      propagatedNativeBuildInputs = spliced "buildHost" (attrs.propagatedNativeBuildInputs or [ ]);

      hooks = builtins.filter (p: p ? setupHookEnv)
        (lib.optional (stdenv.cc != null) stdenv.cc ++ nativeBuildInputs ++ propagatedNativeBuildInputs);
      hookEnv = hookEnvironment hooks (buildInputs ++ propagatedBuildInputs);
      # A variable set both by a hook and by the package gets both values: the hook's
      # first, joined with ":" for search paths (`..._PATH`) and " " for flags.
      joinedWithHooks = given: builtins.mapAttrs (name: value:
        let separator = if lib.hasSuffix "PATH" name then ":" else " ";
        in "${hookEnv.${name}}${separator}${value}") (builtins.intersectAttrs hookEnv given);

      env = attrs.env or { };
      envClashes = builtins.filter (n: attrs ? ${n}) (builtins.attrNames env);

      position =
        let pos = attrs.pos or (builtins.unsafeGetAttrPos "pname" attrs);
        in if pos == null then builtins.unsafeGetAttrPos "name" attrs else pos;

      derivationArgs =
        builtins.removeAttrs attrs nonDerivationArgs
        // {
          inherit name outputs doCheck doInstallCheck;
          inherit nativeBuildInputs buildInputs propagatedBuildInputs propagatedNativeBuildInputs;
          builder = attrs.realBuilder or stdenv.shell;
          args = attrs.args or [ "-e" (attrs.builder or ./default-builder.sh) ];
          stdenv = stdenv;
          # Builds run on the build platform, whatever platform their result is for.
          system = stdenv.buildPlatform.system;
          strictDeps = attrs.strictDeps or false;
          patches = attrs.patches or [ ];
          __ignoreNulls = true;
        }
        // lib.optionalAttrs (attrs ? depsBuildBuild) {
          depsBuildBuild = spliced "buildBuild" attrs.depsBuildBuild;
        }
        // (if structuredAttrs then
          { __structuredAttrs = true; env = hookEnv // env // joinedWithHooks env; }
        else if envClashes != [ ] then
          throw "stdenv.mkDerivation (${name}): `env` cannot hold attributes also given to the derivation; both have: ${lib.concatStringsSep ", " envClashes}."
        else
          hookEnv // joinedWithHooks attrs // env // joinedWithHooks env);

      meta = (attrs.meta or { })
        // lib.optionalAttrs (position != null) { position = "${position.file}:${toString position.line}"; };
      attrsForMeta = { inherit name outputs meta; } // lib.optionalAttrs (attrs ? pname) { inherit (attrs) pname; };
      fullMeta = meta // checkMeta.commonMeta attrsForMeta;
      validity = checkMeta.assessValidity attrsForMeta;

      passthru = attrs.passthru or { };
    in
    lib.extendDerivation validity.handled
      ({ inherit overrideAttrs passthru; meta = fullMeta; } // passthru)
      (derivation derivationArgs);
in
fnOrAttrs: makeDerivationExtensible (if lib.isFunction fnOrAttrs then fnOrAttrs else (_: fnOrAttrs))
