# A dollar at the end after interpolation
"${"x"}$"
