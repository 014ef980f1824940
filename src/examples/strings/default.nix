# Strings: interpolation, indented strings and string builtins.
let
  name = "world";
  script = ''
    #!/bin/sh
    echo "Hello, ${name}!"
    # ''${not interpolated}
  '';
in
with builtins;
{
  interpolated = "Hello, ${name}!";
  inherit script;
  lines = filter isString (split "\n" script);
  upper = replaceStrings [ "o" ] [ "0" ] "foo boo";
  length = stringLength "Nixpad";
  sub = substring 0 3 "Nixpad";
  joined = concatStringsSep ", " [ "a" "b" "c" ];
  number = toString 42 + " is a string now";
  matched = match "([a-z]+)-([0-9.]+)" "hello-2.12";
  hash = hashString "sha256" "nix";
}
