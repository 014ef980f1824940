# Legacy let with only a body
let { body = "b"; }
