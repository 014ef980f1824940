# A variable used outside its let
(let a = 1; in a) + a
