# Nix walks a set in interning order: its parser interns `or` (and the operator names) before the derivation wrapper's `all`
{ all = throw "all"; or = throw "or"; }
