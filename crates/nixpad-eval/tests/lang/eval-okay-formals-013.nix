# Ellipsis-only pattern
({ ... }: "any") { x = 1; }
