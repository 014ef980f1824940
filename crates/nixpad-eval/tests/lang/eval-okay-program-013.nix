# Building a nested attribute set from a path
let setAttrByPath = path: value: if path == [ ] then value else { ${builtins.head path} = setAttrByPath (builtins.tail path) value; }; in setAttrByPath [ "x" "y" "z" ] true
