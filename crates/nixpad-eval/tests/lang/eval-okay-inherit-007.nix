# inherit (e) is lazy in the source expression
{ inherit (throw "never") a; b = 1; }.b
