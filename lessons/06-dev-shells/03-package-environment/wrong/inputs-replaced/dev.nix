# jq's build environment, with gdb.
{ jq, gdb }:
jq.overrideAttrs (old: {
  nativeBuildInputs = [ gdb ];
})
