# The library of nixpkgs-lite: the functions learners meet first in nixpkgs' `lib`, with the
# same names and behaviour. It is itself an extensible fixed point, as in nixpkgs:
#   lib.extend (final: prev: { greet = name: "hello ${name}"; })
#
# Each file below is one namespace (`lib.strings`, `lib.lists`, ...); the most used members
# are also re-exported at the top (`lib.concatStringsSep` is `lib.strings.concatStringsSep`).
#
# The module system is `lib.modules` (evalModules, mkIf, ...), `lib.options` (mkOption, ...)
# and `lib.types`; platforms are `lib.systems` (with `elaborate` and the `examples`
# pkgsCross offers); tracing helpers are `lib.debug`.
let
  inherit (import ./fixed-points.nix { lib = null; }) makeExtensible;

  lib = makeExtensible (self:
    let
      callLibs = file: import file { lib = self; };
    in
    {
      trivial = callLibs ./trivial.nix;
      fixedPoints = callLibs ./fixed-points.nix;
      attrsets = callLibs ./attrsets.nix;
      lists = callLibs ./lists.nix;
      strings = callLibs ./strings.nix;
      customisation = callLibs ./customisation.nix;
      meta = callLibs ./meta.nix;
      versions = callLibs ./versions.nix;
      licenses = callLibs ./licenses.nix;
      maintainers = callLibs ./maintainers.nix;
      systems = callLibs ./systems;
      options = callLibs ./options.nix;
      types = callLibs ./types.nix;
      modules = callLibs ./modules.nix;
      fileset = callLibs ./fileset.nix;
      debug = callLibs ./debug.nix;
      platforms = self.systems.doubles;

      inherit (self.trivial)
        id const flip pipe concat or and xor boolToString mergeAttrs
        isFunction functionArgs setFunctionArgs mirrorFunctionArgs toFunction
        warn warnIf throwIf throwIfNot info mapNullable assertMsg assertOneOf
        fakeHash fakeSha256 version release;
      inherit (self.fixedPoints)
        fix fix' extends composeExtensions composeManyExtensions toExtension
        makeExtensible makeExtensibleWithCustomName;
      inherit (self.attrsets)
        attrByPath hasAttrByPath setAttrByPath getAttrFromPath attrVals
        attrValues attrNames catAttrs filterAttrs filterAttrsRecursive mapAttrs
        mapAttrs' mapAttrsToList mapAttrsRecursive nameValuePair listToAttrs
        genAttrs isDerivation recursiveUpdate recursiveUpdateUntil
        foldlAttrs zipAttrsWith zipAttrs optionalAttrs getOutput getBin getLib
        getDev getMan getFirstOutput chooseDevOutputs updateManyAttrsByPath
        intersectAttrs removeAttrs concatMapAttrs collect recurseIntoAttrs dontRecurseIntoAttrs;
      inherit (self.lists)
        singleton forEach foldr foldl foldl' imap0 imap1 concatMap flatten
        remove findSingle findFirst any all count optional optionals toList
        range replicate partition groupBy genList filter elem elemAt head tail
        last init take drop sublist unique uniqueStrings intersectLists subtractLists
        reverseList sort naturalSort zipLists zipListsWith length concatLists
        map allUnique ifilter0 max min;
      inherit (self.strings)
        concatStrings concatMapStrings concatImapStrings intersperse
        concatStringsSep concatMapStringsSep concatLines splitString
        makeSearchPath makeSearchPathOutput makeBinPath makeLibraryPath
        makeIncludePath optionalString hasPrefix hasSuffix hasInfix removePrefix
        removeSuffix toUpper toLower escapeShellArg escapeShellArgs
        escapeNixString replaceStrings stringLength substring stringToCharacters
        versionOlder versionAtLeast getName getVersion nameFromURL trim
        fixedWidthString fixedWidthNumber toInt isString isStringLike
        enableFeature withFeature withFeatureAs cmakeBool mesonOption mesonBool
        toSentenceCase escape escapeRegex;
      inherit (self.customisation)
        makeOverridable callPackageWith callPackagesWith makeScope
        overrideDerivation extendDerivation;
      inherit (self.meta)
        addMetaAttrs dontDistribute setName updateName appendToName setPrio
        lowPrio hiPrio lowPrioSet hiPrioSet getExe getExe' getLicenseFromSpdxId
        availableOn licensesSpdx;
      inherit (self.options)
        mkOption mkEnableOption mkPackageOption literalExpression literalMD isOption
        showOption showFiles showDefs mergeEqualOption mergeOneOption mergeUniqueOption
        mergeDefaultOption getValues getFiles optionAttrSetToDocList optionsToData;
      inherit (self.types) mkOptionType isType;
      inherit (self.debug)
        traceIf traceVal traceValFn traceSeq traceSeqN traceValSeq traceValSeqFn traceValSeqN
        traceFnSeqN;
      inherit (self.modules)
        evalModules mkIf mkMerge mkOverride mkOptionDefault mkDefault mkImageMediaOverride
        mkForce mkVMOverride mkOrder mkBefore mkAfter mkAliasDefinitions
        mkAliasAndWrapDefinitions mkAliasAndWrapDefsWithPriority mkRenamedOptionModule
        mkRemovedOptionModule mergeDefinitions pushDownProperties dischargeProperties
        filterOverrides sortProperties defaultOverridePriority defaultOrderPriority;
    });
in
lib
