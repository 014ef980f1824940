# makeOverridable f args: what `f args` returns, with one more attribute, `override`,
# that calls f again with some arguments replaced:
#   (makeOverridable f args).override { x = 1; }        replaces x
#   (makeOverridable f args).override (old: { x = old.x + 1; })   computes from the old ones
# and the result can be overridden again.
let
  makeOverridable = f: args:
    f args // {
      override = changes:
        let new = if builtins.isFunction changes then changes args else changes; in
        makeOverridable f (args // new);
    };
in
makeOverridable
