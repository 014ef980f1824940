npmInstallHook() {
  runHook preInstall
  local dest="$out/lib/node_modules/$(node -p 'require("./package.json").name')"
  mkdir -p "$dest" "$out/bin"
  cp -r . "$dest"
  node -e 'const p = require("./package.json"); const b = typeof p.bin === "string" ? { [p.name]: p.bin } : (p.bin || {}); for (const [n, f] of Object.entries(b)) console.log(n + " " + f)' |
    while read -r name file; do ln -s "$dest/$file" "$out/bin/$name"; done
  runHook postInstall
}
installPhase=npmInstallHook
