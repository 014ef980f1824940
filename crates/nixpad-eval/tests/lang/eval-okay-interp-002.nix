# Nested interpolation
"a${"b${"c"}d"}e"
