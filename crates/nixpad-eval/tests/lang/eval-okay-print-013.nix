# Strings with special characters are escaped by the printer
[ "\"" "\\" "\n" "\r" "\t" "\${" ]
