# A missing semicolon in a set
{ a = 1 }
