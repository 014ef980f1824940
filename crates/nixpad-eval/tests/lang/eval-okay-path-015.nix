# A plus sign can be part of a path literal
/a+b/c
