# // is shallow: nested sets are replaced, not merged
{ a = { x = 1; y = 2; }; } // { a = { y = 3; }; }
