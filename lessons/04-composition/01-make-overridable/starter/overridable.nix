# makeOverridable f args: what `f args` returns, with one more attribute, `override`,
# that calls f again with some arguments replaced:
#   (makeOverridable f args).override { x = 1; }        replaces x
#   (makeOverridable f args).override (old: { x = old.x + 1; })   computes from the old ones
# and the result can be overridden again.
f: args: f args
