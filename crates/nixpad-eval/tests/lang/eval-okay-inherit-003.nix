# inherit from an expression inside let
let inherit ({ a = 1; b = 2; }) a b; in a + b
