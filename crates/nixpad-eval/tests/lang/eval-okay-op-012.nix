# Negation of ? test
!{ a = 1; } ? a
