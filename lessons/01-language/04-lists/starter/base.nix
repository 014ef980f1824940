[ "git" "curl" ]
