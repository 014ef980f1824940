# Settings of the host alpha (read-only).
{ port = 8080; }
