# or binds tighter than +
{ a = 1; }.a or 2 + 1
