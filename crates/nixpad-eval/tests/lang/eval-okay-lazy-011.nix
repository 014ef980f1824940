# filter only evaluates the predicate, not unselected structure
builtins.length (builtins.filter (x: x.keep) [ { keep = true; v = throw "never"; } { keep = false; } ])
