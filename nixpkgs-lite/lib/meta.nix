# Functions on packages' `meta` (`lib.meta`).
{ lib }:
let
  inherit (lib) isDerivation;
in
rec {
  # `drv` with attributes added to its `meta`.
  addMetaAttrs = newAttrs: drv: drv // { meta = (drv.meta or { }) // newAttrs; };
  # Marks the package as not to be distributed by a binary cache.
  dontDistribute = drv: addMetaAttrs { hydraPlatforms = [ ]; } drv;

  # Renames a derivation (its `name`).
  setName = name: drv: drv // { inherit name; };
  updateName = updater: drv: drv // { name = updater (drv.name); };
  appendToName = suffix: updateName (name:
    let x = builtins.parseDrvName name; in "${x.name}-${suffix}-${x.version}");

  # `meta.priority`: when two packages in one profile or environment provide the same
  # file, the lower number wins (the default is 5).
  setPrio = priority: addMetaAttrs { inherit priority; };
  lowPrio = setPrio 10;
  hiPrio = setPrio (-10);
  lowPrioSet = set: builtins.mapAttrs (_: v: if isDerivation v then lowPrio v else v) set;
  hiPrioSet = set: builtins.mapAttrs (_: v: if isDerivation v then hiPrio v else v) set;

  # The path of a package's main program: "${getBin pkg}/bin/${pkg.meta.mainProgram}".
  # Without `meta.mainProgram` it guesses the package's name, with a warning.
  getExe = x:
    getExe' x (x.meta.mainProgram or (lib.warn
      "getExe: package '${x.name or "?"}' has no meta.mainProgram, so its name ('${lib.getName x}') is taken as the program; set meta.mainProgram or use getExe' with the program's name."
      (lib.getName x)));

  # The path of the program `y` in package `x`: "${getBin x}/bin/${y}".
  getExe' = x: y:
    assert lib.assertMsg (isDerivation x) "lib.meta.getExe': The first argument is of type ${builtins.typeOf x}, but it should be a derivation instead.";
    assert lib.assertMsg (builtins.isString y) "lib.meta.getExe': The second argument is of type ${builtins.typeOf y}, but it should be a string instead.";
    assert lib.assertMsg (builtins.match ".*/.*" y == null) "lib.meta.getExe': The second argument \"${y}\" is a nested path with a \"/\" character, but it should just be the name of the executable instead.";
    "${lib.getBin x}/bin/${y}";

  # Whether `pkg` can be built for `platform` (a `{ system = ...; }` set or a system string),
  # by its `meta.platforms` and `meta.badPlatforms`.
  availableOn = platform: pkg:
    let
      system = if builtins.isString platform then platform else platform.system;
      platforms = pkg.meta.platforms or lib.platforms.all;
    in
    builtins.elem system platforms && !(builtins.elem system (pkg.meta.badPlatforms or [ ]));

  # The licenses by SPDX identifier, and one license by its identifier.
  licensesSpdx = builtins.listToAttrs (map (l: lib.nameValuePair l.spdxId l)
    (builtins.filter (l: l ? spdxId) (builtins.attrValues lib.licenses)));
  getLicenseFromSpdxId = id:
    licensesSpdx.${id} or (lib.warn "getLicenseFromSpdxId: no license matches the SPDX ID '${id}'" {
      shortName = id;
      spdxId = id;
      fullName = id;
      free = true;
    });
}
