# The same three functions with the builtins that take names as arguments.
{
  setting = name: config:
    if builtins.hasAttr name config then builtins.getAttr name config else null;

  rename = from: to: set:
    builtins.listToAttrs (map
      (n: { name = if n == from then to else n; value = builtins.getAttr n set; })
      (builtins.attrNames set));

  count = words:
    let unique = builtins.attrNames (builtins.listToAttrs (map (w: { name = w; value = null; }) words));
    in builtins.listToAttrs (map
      (w: { name = w; value = builtins.length (builtins.filter (x: x == w) words); })
      unique);
}
