# Settings of the host beta (read-only).
{ port = 9090; }
