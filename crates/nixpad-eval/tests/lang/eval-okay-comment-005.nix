# Comments between tokens of a function and a set
({ a # first
 , b /* second */ ? 2 }: a + b) { a = 1; }
