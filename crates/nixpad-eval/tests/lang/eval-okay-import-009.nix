# __curPos inside an imported file
let p = (import ./lib/pos.nix).here; in [ p.line p.column (baseNameOf p.file) ]
