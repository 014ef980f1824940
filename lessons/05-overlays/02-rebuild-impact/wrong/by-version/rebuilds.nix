before: after: names:
builtins.filter (name: before.${name}.name != after.${name}.name) names
