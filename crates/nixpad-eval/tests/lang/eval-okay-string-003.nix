# Escaped dollar and escaped interpolation
[ "\$" "\${x}" "$\{x}" "cost: \$5" ]
