# jq's build environment, with gdb.
{ jq, gdb }:
jq.overrideAttrs (old: {
  nativeBuildInputs = (old.nativeBuildInputs or [ ]) ++ [ gdb ];
})
