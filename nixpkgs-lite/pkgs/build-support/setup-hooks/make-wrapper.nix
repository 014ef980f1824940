# `makeWrapper`: a setup hook giving builds the shell functions `makeWrapper` and
# `wrapProgram` (e.g. `wrapProgram $out/bin/git --prefix PATH : ${lib.makeBinPath [ less ]}`).
{ makeSetupHook }:
makeSetupHook {
  name = "make-wrapper-hook";
  meta.description = "Shell functions to wrap programs with a changed environment";
} ./make-wrapper.sh
