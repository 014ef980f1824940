# Joining lines and splitting them back
let
  lines = [ "one" "two" "three" ];
  text = builtins.concatStringsSep "\n" lines;
in builtins.filter builtins.isString (builtins.split "\n" text) == lines
