# Unicode strings and escapes together
[ "ünï\tcødé" "\n\n" "\"quoted\"" ]
