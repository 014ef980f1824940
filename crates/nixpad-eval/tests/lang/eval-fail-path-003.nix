# Paths cannot be compared with strings using <
/a < "/b"
