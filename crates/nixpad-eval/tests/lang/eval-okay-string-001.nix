# Standard escapes in double-quoted strings
[ "a\nb" "tab\there" "cr\rx" "back\\slash" "quote\"d" ]
