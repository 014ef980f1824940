# The project (read-only).
{ writeShellScriptBin, hello }:
writeShellScriptBin "welcome" ''
  ${hello}/bin/hello -g "Welcome!"
''
