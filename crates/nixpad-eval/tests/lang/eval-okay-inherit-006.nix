# inherit in let from the outer let does not loop
let a = 1; in let inherit a; in a
