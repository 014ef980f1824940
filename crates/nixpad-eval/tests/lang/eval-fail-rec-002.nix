# Non-rec sets cannot refer to their own attributes
{ a = 1; b = a; }.b
