# 1e20 is not a float literal: e20 is an identifier
1e20
