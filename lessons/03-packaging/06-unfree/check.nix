{ files, check, ... }:
let
  config = files."config.nix";
  pkgs = import <nixpkgs> { config = if builtins.isAttrs config then config else { }; };
  inherit (pkgs) lib;
  evaluates = d: (builtins.tryEval (builtins.deepSeq d.drvPath true)).success;
  # Hidden unfree packages: another name, and one whose name only contains "unrar".
  secret = pkgs.hello.overrideAttrs (old: { pname = "secret-tool"; meta = old.meta // { license = lib.licenses.unfree; }; });
  unrarFree = pkgs.hello.overrideAttrs (old: { pname = "unrar-wrapper"; meta = old.meta // { license = lib.licenses.unfree; }; });
in
[
  { name = "config.nix is a set"; hint = 1; ok = builtins.isAttrs config; }
  { name = "unrar evaluates"; hint = 2; ok = evaluates pkgs.unrar; }
  { name = "free packages still evaluate"; hint = 2; ok = evaluates pkgs.hello; }
  { name = "another unfree package is still refused"; hint = 2; ok = !(evaluates secret);
    message = "Allowing every unfree package (allowUnfree = true) also lets in ones you never chose."; }
  { name = "a package whose name merely contains unrar is refused"; hint = 3; ok = !(evaluates unrarFree);
    message = "Compare the whole name (lib.getName), not a part of it."; }
  { name = "not by allowUnfree = true"; hint = 2; expected = false; actual = (config.allowUnfree or false) == true; }
]
