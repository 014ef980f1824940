# or is a keyword and cannot be bound in let
let or = 1; in or
