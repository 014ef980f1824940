# dirOf on strings: a string of slashes alone is its own directory, other leading slashes give "/"
map dirOf [ "" "/" "//" "///" "//a" "///a" "a//" "a/b//" "//a/" "//a/b" "/a//b" "a" "./a" "/." "x///" "///x///" ]
