# Defaults referring to each other loop forever
({ a ? b, b ? a }: a) { }
