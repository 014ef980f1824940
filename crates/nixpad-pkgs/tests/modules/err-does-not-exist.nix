# A definition of an option nobody declared (a typo) fails when config is used.
let lib = import <nixpkgs/lib>; in
(lib.evalModules {
  modules = [
    { options.services.web.enable = lib.mkEnableOption "the web server"; }
    { _file = "machine.nix"; services.web.enabel = true; }
  ];
}).config.services.web.enable
