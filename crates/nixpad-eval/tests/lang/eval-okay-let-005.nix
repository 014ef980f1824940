# An empty let
let in 1
