# replaceStrings with several patterns
builtins.replaceStrings [ "&" "<" ">" ] [ "&amp;" "&lt;" "&gt;" ] "<a & b>"
