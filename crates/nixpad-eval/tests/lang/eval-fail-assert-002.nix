# A failing assertion on a variable
let cond = false; in assert cond; 1
