# split
builtins.split "(a)|b" "xaybz"
