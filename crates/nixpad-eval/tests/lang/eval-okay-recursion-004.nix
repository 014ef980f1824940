# Tail-recursive style loop of 4,000 steps
let loop = i: acc: if i == 0 then acc else loop (i - 1) (acc + i); in loop 4000 0
