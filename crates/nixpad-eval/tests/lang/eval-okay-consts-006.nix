# builtins that are also available without the prefix
[ (builtins.isFunction abort) (builtins.isFunction baseNameOf) (builtins.isFunction dirOf) (builtins.isFunction import) (builtins.isFunction isNull) (builtins.isFunction map) (builtins.isFunction removeAttrs) (builtins.isFunction scopedImport) (builtins.isFunction throw) (builtins.isFunction toString) ]
