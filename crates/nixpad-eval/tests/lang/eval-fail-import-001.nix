# Imported files do not see the importer's scope
let x = 5; in import ./lib/usex.nix
