# lib functions, with the values nixpkgs' lib gives.
let
  lib = (import <nixpkgs> { }).lib;
  counter = lib.fix (self: { a = 1; b = self.a + 1; });
  extended = lib.fix (lib.extends (final: prev: { a = 10; c = final.b * 2; }) (self: { a = 1; b = self.a + 1; }));
  composed = lib.composeExtensions (final: prev: { x = prev.x + "f"; }) (final: prev: { x = prev.x + "g"; y = final.x; });
  withComposed = lib.fix (lib.extends composed (self: { x = "0"; }));
  add = lib.makeOverridable ({ a, b ? 2 }: { sum = a + b; }) { a = 1; };
  callWith = lib.callPackageWith { a = 5; b = 6; c = 7; } ({ a, b ? 0 }: a * b) { };
  scope = lib.makeScope (extra: lib.callPackageWith ({ base = 100; } // extra)) (self: { x = 1; y = self.callPackage ({ x, base }: x + base) { }; });
in
{
  fix = counter.b;
  extends = [ extended.a extended.b extended.c ];
  composeExtensions = [ withComposed.x withComposed.y ];
  makeOverridable = [ add.sum (add.override { b = 10; }).sum (add.override (old: { a = old.a * 3; })).sum ];
  callPackageWith = callWith;
  scope = [ scope.y (scope.overrideScope (final: prev: { x = 2; })).y ];
  optional = [ (lib.optional true 1) (lib.optional false 1) (lib.optionals true [ 1 2 ]) (lib.optionalString false "x") (lib.optionalAttrs true { a = 1; }) ];
  mapAttrs' = lib.mapAttrs' (n: v: lib.nameValuePair "${n}_" (v + 1)) { a = 1; b = 2; };
  filterAttrs = lib.filterAttrs (n: v: v > 1) { a = 1; b = 2; c = 3; };
  genAttrs = lib.genAttrs [ "x" "y" ] (n: n + n);
  paths = [ (lib.attrByPath [ "a" "b" ] 0 { a.b = 1; }) (lib.attrByPath [ "a" "c" ] 0 { a.b = 1; }) (lib.setAttrByPath [ "a" "b" ] 1) (lib.hasAttrByPath [ "a" "b" ] { a.b = null; }) (lib.getAttrFromPath [ "a" ] { a = 3; }) ];
  recursiveUpdate = lib.recursiveUpdate { a = { b = 1; c = 2; }; d = 1; } { a = { b = 3; }; d = { e = 1; }; };
  strings = [ (lib.concatMapStrings (x: x + ";") [ "a" "b" ]) (lib.concatStringsSep ", " [ "a" "b" ]) (lib.splitString "." "a.b..c") (lib.hasPrefix "ab" "abc") (lib.removeSuffix ".nix" "x.nix") (lib.toUpper "abc") (lib.escapeShellArg "it's") (lib.escapeShellArg "plain") (lib.strings.trim "  x  ") (lib.versionOlder "1.2" "1.10") ];
  searchPaths = [ (lib.makeBinPath [ "/a" "/b" ]) (lib.makeLibraryPath [ "/a" ]) (lib.makeSearchPath "share" [ "/a" null ]) ];
  lists = [ (lib.flatten [ 1 [ 2 [ 3 ] ] ]) (lib.unique [ 1 2 1 3 ]) (lib.range 2 5) (lib.take 2 [ 1 2 3 ]) (lib.last [ 1 2 3 ]) (lib.foldr (x: acc: "(${x}${acc})") "" [ "a" "b" ]) (lib.subtractLists [ 2 ] [ 1 2 3 ]) (lib.lists.reverseList [ 1 2 3 ]) ];
  versions = [ (lib.versions.major "3.12.8") (lib.versions.minor "3.12.8") (lib.versions.majorMinor "3.12.8") (lib.versions.patch "3.12.8") ];
  licenses = [ lib.licenses.mit.spdxId lib.licenses.mit.free lib.licenses.unfree.free lib.licenses.gpl3Plus.fullName ];
  platforms = [ (builtins.elem "x86_64-linux" lib.platforms.linux) (builtins.elem "x86_64-darwin" lib.platforms.linux) (builtins.length lib.systems.flakeExposed) ];
  maintainer = lib.maintainers.ada.github;
  priorities = [ (lib.hiPrio { meta = { }; }).meta.priority (lib.lowPrio { meta.description = "x"; }).meta ];
}
