# Integers in every base
builtins.fromTOML "a = 0x1F\nb = 0o17\nc = 0b101\nd = 1_000\ne = -9223372036854775808\nf = +7"
