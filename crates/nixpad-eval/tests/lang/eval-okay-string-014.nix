# A bare CR inside a string becomes LF
"xy"
