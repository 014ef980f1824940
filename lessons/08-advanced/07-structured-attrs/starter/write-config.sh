# Writes the `settings` attribute, as JSON, to the output (read-only here).
# With structured attributes, every attribute is in the file $NIX_ATTRS_JSON_FILE, and
# those bash can hold are declared as variables in $NIX_ATTRS_SH_FILE. There is no $out:
# the output paths are in `outputs`.
source "$NIX_ATTRS_SH_FILE"
"$jq/bin/jq" .settings "$NIX_ATTRS_JSON_FILE" > "${outputs[out]}"
