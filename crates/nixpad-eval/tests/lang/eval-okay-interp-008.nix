# toString makes ints interpolatable
"n=${toString 42}"
