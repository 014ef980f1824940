let
  lib = import <nixpkgs/lib>;
in
{
  explain = result: path:
    let option = lib.getAttrFromPath path result.options; in
    {
      value = lib.attrByPath path null result.config;
      files = option.declarations;
      priority = 100;
    };
  tryWith = result: module: lib.recursiveUpdate result.config module;
}
