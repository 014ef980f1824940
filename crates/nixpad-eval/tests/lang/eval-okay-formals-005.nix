# A default chain resolved lazily
({ a ? b, b ? 2 }: a) { }
