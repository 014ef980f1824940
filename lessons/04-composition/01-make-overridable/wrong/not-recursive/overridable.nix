f: args:
f args // {
  override = changes: f (args // (if builtins.isFunction changes then changes args else changes));
}
