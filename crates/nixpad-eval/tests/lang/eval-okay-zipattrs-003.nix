# zipAttrsWith of an empty list
builtins.zipAttrsWith (n: v: v) [ ]
