# 1..2 lexes as the float 1. applied to the float .2
1..2
