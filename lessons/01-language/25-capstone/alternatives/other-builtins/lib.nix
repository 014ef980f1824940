# The same helpers with other builtins: listToAttrs for the index, splitVersion for the
# major version, and a join that adds a newline to every line.
{
  byName = pkgs: builtins.listToAttrs (map (p: { name = p.name; value = p; }) pkgs);

  major = version: builtins.head (builtins.splitVersion version);

  describe = p:
    let label = "${p.name}-${p.version}";
    in if p.deps == [ ] then label else label + " needs " + builtins.concatStringsSep ", " p.deps;

  lines = ls: builtins.concatStringsSep "" (map (l: l + "\n") ls);
}
