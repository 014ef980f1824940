# Legacy let without body
let { x = 1; }
