# builtins.filter (name: before.${name}.outPath != after.${name}.outPath) names
before: after: names: [ "git" "ripgrep" "pcre2" ]
