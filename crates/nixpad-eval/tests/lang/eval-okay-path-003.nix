# Path plus string appends text
[ (/a/b + "/c") (/a + "b") (/a + "/../b") (/a + "") ]
