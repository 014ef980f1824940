# zipAttrsWith collects values per name
builtins.zipAttrsWith (name: values: values) [ { a = 1; } { a = 2; b = 3; } ]
