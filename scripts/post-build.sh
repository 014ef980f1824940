#!/usr/bin/env sh
# trunk post_build hook (Trunk.toml), in trunk's staging directory before it becomes dist/.
# One hook, in order (trunk runs separate hooks of a stage at the same time):
#   1. the built-in curriculum, validated and packed (zlib-compressed JSON; see
#      docs/ARCHITECTURE.md) into curriculum.pack, which the app fetches on demand;
#   2. the miniature nixpkgs packed into nixpkgs.pack, which the worker fetches the first
#      time a program or lesson uses <nixpkgs>;
#   3. an empty workshop.pack (plain JSON) that a workshop replaces with its own
#      (`nixpad serve --lessons DIR` serves one in its place); shipping it spares static
#      hosts a 404 on every lessons page;
#   4. the offline cache's file list and version written into sw.js (scripts/sw-manifest.sh),
#      last, so that it lists the packs too.
set -eu
: "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cargo run --quiet --locked -p nixpad-cli -- lessons pack lessons -o "$TRUNK_STAGING_DIR/curriculum.pack"
cargo run --quiet --locked -p nixpad-cli -- nixpkgs pack -o "$TRUNK_STAGING_DIR/nixpkgs.pack"
printf '{"format":"nixpad-lessons","version":1,"chapters":[]}\n' > "$TRUNK_STAGING_DIR/workshop.pack"
sh scripts/sw-manifest.sh
