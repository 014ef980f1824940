# Literal newlines inside double-quoted strings are kept
"line1
line2
"
