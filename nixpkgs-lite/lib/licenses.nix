# Software licenses (`lib.licenses`): `free` says whether nixpkgs treats the license as free;
# a package with a non-free license is refused unless `config.allowUnfree` (or
# `allowUnfreePredicate`) allows it.
{ lib }:
let
  # A license record with the defaults every license has.
  license = { shortName, fullName, spdxId ? null, url ? null, free ? true, redistributable ? free, deprecated ? false }:
    { inherit shortName fullName free redistributable deprecated; }
    // lib.optionalAttrs (spdxId != null) { inherit spdxId; url = if url != null then url else "https://spdx.org/licenses/${spdxId}.html"; }
    // lib.optionalAttrs (spdxId == null && url != null) { inherit url; };
in
builtins.mapAttrs (shortName: attrs: license ({ inherit shortName; } // attrs)) {
  agpl3Only = { fullName = "GNU Affero General Public License v3.0 only"; spdxId = "AGPL-3.0-only"; };
  agpl3Plus = { fullName = "GNU Affero General Public License v3.0 or later"; spdxId = "AGPL-3.0-or-later"; };
  asl20 = { fullName = "Apache License 2.0"; spdxId = "Apache-2.0"; };
  bsd0 = { fullName = "BSD Zero Clause License"; spdxId = "0BSD"; };
  bsd2 = { fullName = "BSD 2-clause \"Simplified\" License"; spdxId = "BSD-2-Clause"; };
  bsd3 = { fullName = "BSD 3-clause \"New\" or \"Revised\" License"; spdxId = "BSD-3-Clause"; };
  bsdOriginal = { fullName = "BSD 4-clause \"Original\" or \"Old\" License"; spdxId = "BSD-4-Clause"; };
  cc0 = { fullName = "Creative Commons Zero v1.0 Universal"; spdxId = "CC0-1.0"; };
  curl = { fullName = "curl License"; spdxId = "curl"; };
  gpl2Only = { fullName = "GNU General Public License v2.0 only"; spdxId = "GPL-2.0-only"; };
  gpl2Plus = { fullName = "GNU General Public License v2.0 or later"; spdxId = "GPL-2.0-or-later"; };
  gpl3Only = { fullName = "GNU General Public License v3.0 only"; spdxId = "GPL-3.0-only"; };
  gpl3Plus = { fullName = "GNU General Public License v3.0 or later"; spdxId = "GPL-3.0-or-later"; };
  isc = { fullName = "ISC License"; spdxId = "ISC"; };
  lgpl21Plus = { fullName = "GNU Lesser General Public License v2.1 or later"; spdxId = "LGPL-2.1-or-later"; };
  lgpl3Plus = { fullName = "GNU Lesser General Public License v3.0 or later"; spdxId = "LGPL-3.0-or-later"; };
  mit = { fullName = "MIT License"; spdxId = "MIT"; };
  mpl20 = { fullName = "Mozilla Public License 2.0"; spdxId = "MPL-2.0"; };
  openssl = { fullName = "OpenSSL License"; spdxId = "OpenSSL"; };
  psfl = { fullName = "Python Software Foundation License version 2"; spdxId = "Python-2.0"; };
  publicDomain = { fullName = "Public Domain"; };
  unlicense = { fullName = "The Unlicense"; spdxId = "Unlicense"; };
  zlib = { fullName = "zlib License"; spdxId = "Zlib"; };
  zpl21 = { fullName = "Zope Public License 2.1"; spdxId = "ZPL-2.1"; };
  artistic1 = { fullName = "Artistic License 1.0"; spdxId = "Artistic-1.0"; };
  gpl1Plus = { fullName = "GNU General Public License v1.0 or later"; spdxId = "GPL-1.0-or-later"; };
  unfree = { fullName = "Unfree"; free = false; redistributable = false; };
  unfreeRedistributable = { fullName = "Unfree redistributable"; free = false; redistributable = true; };
  unfreeRedistributableFirmware = { fullName = "Unfree redistributable firmware"; free = false; redistributable = true; };
}
