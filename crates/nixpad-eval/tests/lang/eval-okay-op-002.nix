# // is right-associative
{ a = 1; } // { a = 2; } // { a = 3; }
