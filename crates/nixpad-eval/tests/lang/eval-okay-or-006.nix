# or can be used as a variable name in application position
let s = { or = "yes"; }; in s.or
