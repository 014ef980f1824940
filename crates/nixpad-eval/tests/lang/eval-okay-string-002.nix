# Unknown escapes drop the backslash
[ "\u0001" "\a\b\c" "\0" "\q" "\'" ]
