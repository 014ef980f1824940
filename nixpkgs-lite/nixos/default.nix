# nixos-lite: a miniature NixOS on nixpkgs-lite's module system, as `import <nixpkgs/nixos>`:
#
#   (import <nixpkgs/nixos> { configuration = { networking.hostName = "box"; }; }).system
#
# gives the system's derivation (`config.system.build.toplevel`); `config` and `options` are
# the evaluated modules (see ./modules/module-list.nix for what a configuration can set).
{ configuration, system ? builtins.currentSystem or "x86_64-linux" }:
let
  eval = import ./lib/eval-config.nix {
    inherit system;
    modules = [ configuration ];
  };
in
{
  inherit (eval) config options pkgs extendModules;
  system = eval.config.system.build.toplevel;
}
