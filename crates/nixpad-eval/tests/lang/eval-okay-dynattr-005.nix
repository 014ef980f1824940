# A static-string dynamic name can be used in let
let ${"a"} = 1; in a + 1
