let
  # The 32 characters of hash in a store path "/nix/store/HASH-name".
  hashPart = path: path;

  # The candidates whose hash part occurs in `text`, in their order.
  references = candidates: text: [ ];

  lib = derivation { name = "lib"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo lib > $out" ]; };
  tool = derivation { name = "tool"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo tool > $out" ]; };
  other = derivation { name = "other"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo other > $out" ]; };
in
{
  inherit hashPart references;
  example = references [ lib.outPath tool.outPath other.outPath ] ''
    run ${lib}/bin/x
    ${builtins.substring 11 32 other.outPath}
  '';
}
