# Writes a Docker image archive to standard output: `stream-IMAGE | docker load`.
# The argument is the image's conf.json (written by the `-conf.json` derivation): its name
# and tag, its configuration, and its layers (lists of store paths, most popular first,
# then the customisation layer with the links to the contents).
#
# nixpkgs-lite never runs this script: it is here so that the stream derivation refers to
# a real file, as nixpkgs' does (nixpkgs streams with a Python program).
set -euo pipefail

conf="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

layerCount="$(jq '.layers | length' "$conf")"
layerFiles=()
for ((i = 0; i < layerCount; i++)); do
  dir="$work/layer-$i"
  mkdir -p "$dir"
  if [ "$(jq -r ".layers[$i].customisation // false" "$conf")" = true ]; then
    # The links at the image's root (and what extraCommands made), already packed.
    cp "$(jq -r '.customisation_layer' "$conf")/layer.tar" "$dir/layer.tar"
  else
    jq -r ".layers[$i].paths[]" "$conf" > "$dir/paths"
    tar --create --file "$dir/layer.tar" --sort=name --numeric-owner \
      --owner="$(jq -r '.uid' "$conf")" --group="$(jq -r '.gid' "$conf")" \
      --mtime="$(jq -r '.mtime' "$conf")" --hard-dereference --files-from "$dir/paths"
  fi
  digest="$(sha256sum "$dir/layer.tar" | cut -d ' ' -f 1)"
  mv "$dir/layer.tar" "$work/$digest.tar"
  rm -rf "$dir"
  layerFiles+=("$digest.tar")
done

# The image configuration: the conf's `config`, with the layers' digests as its root file system.
jq --args '{ created, architecture, os, config,
             rootfs: { type: "layers", diff_ids: ($ARGS.positional | map("sha256:" + rtrimstr(".tar"))) } }' \
  "${layerFiles[@]}" < "$conf" > "$work/config.json"
configDigest="$(sha256sum "$work/config.json" | cut -d ' ' -f 1)"
mv "$work/config.json" "$work/$configDigest.json"

jq --args --arg config "$configDigest.json" \
  '[{ Config: $config, RepoTags: [ .repo_tag ], Layers: $ARGS.positional }]' \
  "${layerFiles[@]}" < "$conf" > "$work/manifest.json"

tar --create --directory "$work" --sort=name --mtime="@1" --owner=0 --group=0 .
