# Function composition
let compose = f: g: x: f (g x); in compose (x: x + 1) (x: x * 10) 4
