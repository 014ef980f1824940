# Interpolating a directory copies it
"${./lib/store/tree}"
