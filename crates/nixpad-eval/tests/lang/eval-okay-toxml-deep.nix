# toXML walks values with a heap stack: sets and lists nested thousands of levels deep
# are written as Nix writes them.
let
  sets = n: if n == 0 then { } else { a = sets (n - 1); b = [ n ]; };
  lists = n: if n == 0 then [ ] else [ (lists (n - 1)) ];
in
[
  (builtins.hashString "sha256" (builtins.toXML (sets 3000)))
  (builtins.stringLength (builtins.toXML (lists 2500)))
]
