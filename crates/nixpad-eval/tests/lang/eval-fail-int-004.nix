# Dividing the minimum int by -1 overflows
(-9223372036854775807 - 1) / (-1)
