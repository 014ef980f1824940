# Interpolation at column zero of the first line disables stripping
''${"  "}a
  b''
