# or provides a default for a missing attribute
{ a = 1; }.b or 2
