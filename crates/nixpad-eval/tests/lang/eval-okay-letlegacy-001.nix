# Legacy let evaluates to the body attribute
let { x = 1; body = x + 1; }
