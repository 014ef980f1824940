# The new arguments computed by a helper; `rec` instead of `let` for the recursion.
let
  self = rec {
    updated = args: changes: args // (if builtins.isFunction changes then changes args else changes);
    makeOverridable = f: args: f args // { override = changes: makeOverridable f (updated args changes); };
  };
in
self.makeOverridable
