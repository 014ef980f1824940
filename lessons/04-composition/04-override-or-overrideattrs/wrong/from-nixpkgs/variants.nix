# Variants of the curl this function is given.
{ curl }:
let
  pkgs = import <nixpkgs> { };
  addDebug = old: { configureFlags = old.configureFlags ++ [ "--enable-debug" ]; };
in
{
  tiny = pkgs.curl.override { withSsl = false; http2Support = false; };
  debug = pkgs.curl.overrideAttrs addDebug;
  tinyDebug = (pkgs.curl.override { withSsl = false; http2Support = false; }).overrideAttrs addDebug;
}
