# Defaults are only evaluated when used
({ a ? throw "never", b }: b) { b = 1; }
