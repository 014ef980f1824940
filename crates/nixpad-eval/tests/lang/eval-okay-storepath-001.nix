# Interpolating a file copies it to the store
"${./lib/store/hello.txt}"
