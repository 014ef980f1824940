# A package with a non-free license is refused (when its drvPath or outPath is read)
# unless the config allows it; its meta can always be read.
let
  refused = import <nixpkgs> { };
  allowed = import <nixpkgs> { config.allowUnfree = true; };
  predicate = import <nixpkgs> { config.allowUnfreePredicate = pkg: builtins.elem (refused.lib.getName pkg) [ "unrar" ]; };
  broken = refused.hello.overrideAttrs (old: { meta = old.meta // { broken = true; }; });
  darwinOnly = refused.hello.overrideAttrs (old: { meta = old.meta // { platforms = [ "aarch64-darwin" ]; }; });
in
{
  meta = [ refused.unrar.meta.unfree refused.unrar.meta.available refused.unrar.name ];
  refused = (builtins.tryEval refused.unrar.drvPath).success;
  allowed = (builtins.tryEval allowed.unrar.drvPath).success;
  predicate = (builtins.tryEval predicate.unrar.drvPath).success;
  broken = [ (builtins.tryEval broken.drvPath).success broken.meta.broken ];
  unsupported = [ (builtins.tryEval darwinOnly.outPath).success darwinOnly.meta.unsupported ];
  freeIsFine = refused.hello.meta.available;
}
