# the message for a missing search-path entry
<foobaz/x.nix>
