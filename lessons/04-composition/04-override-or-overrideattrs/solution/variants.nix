# Variants of the curl this function is given.
{ curl }:
let
  addDebug = old: { configureFlags = old.configureFlags ++ [ "--enable-debug" ]; };
in
{
  tiny = curl.override { withSsl = false; http2Support = false; };
  debug = curl.overrideAttrs addDebug;
  tinyDebug = (curl.override { withSsl = false; http2Support = false; }).overrideAttrs addDebug;
}
