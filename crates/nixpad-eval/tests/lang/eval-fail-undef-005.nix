# A function argument is not visible outside the function
(x: x) 1 + x
