# Infinite data structures are fine if only partly used
let nats = n: { head = n; tail = nats (n + 1); }; in (nats 0).tail.tail.tail.head
