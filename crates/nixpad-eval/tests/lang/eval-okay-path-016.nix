# Paths with dashes, underscores and dots in names
[ /a-b/c_d/e.f /.hidden/x ]
