# Which of `names` must be built again in `after` (a package set) compared with `before`:
# the names, in the order given.
before: after: names:
builtins.filter (name: before.${name}.outPath != after.${name}.outPath) names
