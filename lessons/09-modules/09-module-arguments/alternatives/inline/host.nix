# The default domain in a module of its own, written as a function.
hostName: modules:
(import <nixpkgs/lib>).evalModules {
  specialArgs.hostName = hostName;
  modules = [
    ./web.nix
    ({ lib, ... }: { config._module.args.domain = lib.mkDefault "example.org"; })
  ] ++ modules;
}
