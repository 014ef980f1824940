# A non-literal dynamic name is not visible in rec scope
let s = "b"; in rec { ${s} = 1; c = b; }
