# Leading-dot and trailing-dot float literals
[ .5 1. 0.25 ]
