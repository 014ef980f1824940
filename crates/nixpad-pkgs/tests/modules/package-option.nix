# mkEnableOption and mkPackageOption declare the usual options; their defaults and texts.
let
  lib = import <nixpkgs/lib>;
  pkgs = {
    hello = { type = "derivation"; name = "hello-2.12"; outPath = "/nix/store/hello"; };
    tools.jq = { type = "derivation"; name = "jq-1.7"; outPath = "/nix/store/jq"; };
  };
  result = lib.evalModules {
    modules = [
      { options.enable = lib.mkEnableOption "the hello service";
        options.package = lib.mkPackageOption pkgs "hello" { };
        options.jq = lib.mkPackageOption pkgs "jq" { default = [ "tools" "jq" ]; };
        options.optional = lib.mkPackageOption pkgs "hello" { nullable = true; }; }
      { optional = null; }
    ];
  };
  o = result.options;
in
{
  enable = { inherit (o.enable) default example description; type = o.enable.type.description; };
  package = { inherit (o.package) description defaultText; name = result.config.package.name; };
  jq = { inherit (o.jq) defaultText; name = result.config.jq.name; };
  optional = { value = result.config.optional; type = o.optional.type.description; };
}
