let
  makeOverridable = f: args:
    f args // {
      override = changes:
        let new = if builtins.isFunction changes then changes args else changes; in
        makeOverridable f new;
    };
in
makeOverridable
