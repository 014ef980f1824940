# with is lazy: an unused with-set is never evaluated
with (throw "never"); 1
