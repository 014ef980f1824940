# Interpolation with an expression containing braces
"${ let x = { a = "ok"; }; in x.a }"
