# Line comments and block comments
[ 1 # a comment
  2 /* block */ 3
  /* multi
     line */ 4 ]
