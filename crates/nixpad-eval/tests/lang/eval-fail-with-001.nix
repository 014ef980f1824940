# with on a non-set value
with 1; x
