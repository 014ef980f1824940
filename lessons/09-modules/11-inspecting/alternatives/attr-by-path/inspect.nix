# The same, walking the path with a fold and reading the definitions' files.
let
  lib = import <nixpkgs/lib>;
in
{
  explain = result: path:
    let option = builtins.foldl' (set: name: set.${name}) result.options path; in
    {
      value = if option.isDefined then option.value else null;
      files = map (definition: definition.file) option.definitionsWithLocations;
      priority = option.highestPrio;
    };
  tryWith = result: module: (result.extendModules { modules = [ module ]; }).config;
}
