before: after: names:
builtins.filter (name: before.${name}.drvPath != after.${name}.drvPath) names
