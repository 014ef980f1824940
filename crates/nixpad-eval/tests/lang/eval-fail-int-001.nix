# Addition overflow is an error
9223372036854775807 + 1
