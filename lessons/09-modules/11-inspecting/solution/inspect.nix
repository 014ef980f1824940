# Tools for looking into a configuration (the result of lib.evalModules).
let
  lib = import <nixpkgs/lib>;
in
{
  # explain RESULT PATH: for the option at PATH (a list of names, like
  # [ "services" "web" "port" ]) of the configuration RESULT:
  #   value    - its value, or null when nothing defines it;
  #   files    - the files of the definitions that make its value;
  #   priority - the priority of those definitions (100 plain, 50 mkForce, 1000 mkDefault).
  explain = result: path:
    let option = lib.getAttrFromPath path result.options; in
    {
      value = if option.isDefined then option.value else null;
      files = option.files;
      priority = option.highestPrio;
    };

  # tryWith RESULT MODULE: the config RESULT would have with MODULE added, without
  # knowing which modules made RESULT.
  tryWith = result: module: (result.extendModules { modules = [ module ]; }).config;
}
