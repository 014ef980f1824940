# Unknown escape-like sequences stay literal
''a\b ''\x''
