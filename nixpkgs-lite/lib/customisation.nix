# Making packages overridable, `callPackage`, and package scopes (`lib.customisation`).
{ lib }:
let
  inherit (lib) functionArgs setFunctionArgs mirrorFunctionArgs isFunction;
  inherit (builtins) attrNames intersectAttrs isAttrs;
in
rec {
  # `makeOverridable f args` is `f args` plus `override`: `(makeOverridable f args).override
  # changes` is `f (args // changes)` (changes may also be a function of the old args).
  # `overrideAttrs` and `overrideDerivation` of the result are kept overridable too.
  makeOverridable = f:
    mirrorFunctionArgs f (origArgs:
      let
        result = f origArgs;
        changedArgs = newArgs: origArgs // (if isFunction newArgs then newArgs origArgs else newArgs);
        override = newArgs: makeOverridable f (changedArgs newArgs);
        # The same function, with `g` applied to its result (so that a later `override`
        # keeps the change).
        overrideResult = g: makeOverridable (mirrorFunctionArgs f (args: g (f args))) origArgs;
      in
      if isAttrs result then
        result // {
          inherit override;
          overrideDerivation = fdrv: overrideResult (x: overrideDerivation x fdrv);
          ${if result ? overrideAttrs then "overrideAttrs" else null} = fdrv: overrideResult (x: x.overrideAttrs fdrv);
        }
      else if isFunction result then
        setFunctionArgs result (functionArgs result) // { inherit override; }
      else
        result);

  # `callPackageWith autoArgs fn args`: calls `fn` (a function, or a file holding one) with
  # the arguments it names taken from `autoArgs`, then `args` on top; the result is
  # overridable. A required argument found in neither is an error naming it.
  callPackageWith = autoArgs: fn: args:
    let
      f = if isFunction fn then fn else import fn;
      fargs = functionArgs f;
      allArgs = intersectAttrs fargs autoArgs // args;
      missing = builtins.filter (name: !fargs.${name} && !(allArgs ? ${name})) (attrNames fargs);
      where = if builtins.isPath fn then " at ${toString fn}" else "";
    in
    if missing == [ ] then makeOverridable f allArgs
    else throw "lib.customisation.callPackageWith: Function called without required argument \"${builtins.head missing}\"${where}";

  # Like `callPackageWith`, for a function returning a set of packages: each is overridable.
  callPackagesWith = autoArgs: fn: args:
    let
      f = if isFunction fn then fn else import fn;
      auto = intersectAttrs (functionArgs f) autoArgs;
      mkAttrOverridable = name: _: makeOverridable (newArgs: (f newArgs).${name}) (auto // args);
    in
    builtins.mapAttrs mkAttrOverridable (f (auto // args));

  # A package scope: a fixed point of `f` whose `callPackage` sees the scope's packages
  # first, then `newScope`'s. `overrideScope (final: prev: ...)` overlays the scope.
  makeScope = newScope: f:
    let
      self = f self // {
        newScope = scope: newScope (self // scope);
        callPackage = self.newScope { };
        overrideScope = g: makeScope newScope (lib.extends g f);
        packages = f;
      };
    in
    self;

  # `f` applied to a derivation's arguments, rebuilt with `derivation` (the oldest way to
  # change a package; `overrideAttrs` is the one to prefer).
  overrideDerivation = drv: f:
    let
      newDrv = derivation (drv.drvAttrs // (f drv));
    in
    newDrv // {
      meta = drv.meta or { };
      passthru = if drv ? passthru then drv.passthru else { };
    };

  # `drv` with `passthru` added to it and to each of its outputs; its paths can only be
  # read when `condition` holds (how meta checks refuse unfree or broken packages).
  extendDerivation = condition: passthru: drv:
    let
      outputs = drv.outputs or [ "out" ];
      commonAttrs = drv // builtins.listToAttrs outputsList // { all = map (x: x.value) outputsList; } // passthru;
      outputToAttrListElement = outputName: {
        name = outputName;
        value = commonAttrs // {
          inherit (drv.${outputName}) type outputName;
          outputSpecified = true;
          drvPath = assert condition; drv.${outputName}.drvPath;
          outPath = assert condition; drv.${outputName}.outPath;
        };
      };
      outputsList = map outputToAttrListElement outputs;
    in
    commonAttrs // {
      drvPath = assert condition; drv.drvPath;
      outPath = assert condition; drv.outPath;
    };
}
