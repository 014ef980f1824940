# A dollar sign is not a valid token on its own
$x
