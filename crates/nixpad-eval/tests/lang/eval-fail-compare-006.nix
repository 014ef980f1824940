# A path and a string cannot be compared with >
/a > "b"
