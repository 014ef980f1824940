# A let binding used only under a false condition
let boom = abort "never"; in if false then boom else "safe"
