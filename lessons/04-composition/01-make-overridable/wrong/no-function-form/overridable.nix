let
  makeOverridable = f: args:
    f args // { override = changes: makeOverridable f (args // changes); };
in
makeOverridable
