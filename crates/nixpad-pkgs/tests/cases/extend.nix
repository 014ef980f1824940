# `extend`, `appendOverlays` and `lib.composeManyExtensions` give the same set as the
# `overlays` argument; `config.packageOverrides` applies before the overlays.
let
  o1 = final: prev: { who = "world"; hello = prev.hello.overrideAttrs { pname = "hi"; }; };
  o2 = final: prev: { who = prev.who + "!"; message = "hello ${final.who}"; };
  direct = import <nixpkgs> { overlays = [ o1 o2 ]; };
  base = import <nixpkgs> {
    config.packageOverrides = pkgs: { who = "config"; fromConfig = pkgs ? hello; };
    overlays = [ (final: prev: { who = prev.who + "+overlay"; }) ];
  };
  plain = import <nixpkgs> { };
  lib = plain.lib;
in
{
  extend = (plain.extend o1).extend o2 == direct || (((plain.extend o1).extend o2).hello.drvPath == direct.hello.drvPath);
  append = (plain.appendOverlays [ o1 o2 ]).message == direct.message;
  composed = (import <nixpkgs> { overlays = [ (lib.composeManyExtensions [ o1 o2 ]) ]; }).hello.drvPath == direct.hello.drvPath;
  inherit (direct) message;
  name = direct.hello.name;
  unchangedBase = plain.hello.name;
  configFirst = base.who;
  inherit (base) fromConfig;
  appendNothing = plain.appendOverlays [ ] == plain;
}
