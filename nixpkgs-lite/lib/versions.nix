# Parts of version strings (`lib.versions`).
{ lib }:
let
  inherit (builtins) splitVersion elemAt length concatStringsSep;
  component = i: v:
    let parts = splitVersion v;
    in if length parts > i then elemAt parts i else throw "lib.versions: version '${v}' has no component ${toString (i + 1)}";
in
{
  inherit splitVersion;
  # "1.2.3" → "1", "2", "3".
  major = component 0;
  minor = component 1;
  patch = component 2;
  # "1.2.3" → "1.2".
  majorMinor = v: concatStringsSep "." (lib.take 2 (splitVersion v));
  # The version padded or cut to `n` components: pad 3 "1.2" == "1.2.0".
  pad = n: v:
    let parts = splitVersion v; l = length parts;
    in concatStringsSep "." (if l >= n then lib.take n parts else parts ++ lib.replicate (n - l) "0");
}
