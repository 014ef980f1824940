# split returns strings and lists of captures
builtins.split "(a)|b" "xaybz"
