# // with a non-set on the right
{ } // 1
