# The certificates of the certificate authorities, for TLS (fetchers point
# SSL_CERT_FILE at `${cacert}/etc/ssl/certs/ca-bundle.crt`).
{
  lib,
  stdenvNoCC,
  fetchurl,
}:
stdenvNoCC.mkDerivation (finalAttrs: {
  pname = "nss-cacert";
  version = "3.107";

  src = fetchurl {
    url = "https://github.com/nss-dev/nss/archive/refs/tags/NSS_${lib.replaceStrings [ "." ] [ "_" ] finalAttrs.version}_RTM.tar.gz";
    hash = "sha256-0LMSFUek7SCmKklle3zb6j5XEAz1zNH3dYxx9P9/D6A=";
  };

  dontConfigure = true;
  dontBuild = true;
  installPhase = ''
    mkdir -p $out/etc/ssl/certs
    cp lib/ckfw/builtins/ca-bundle.crt $out/etc/ssl/certs/ca-bundle.crt
  '';

  meta = {
    description = "A bundle of X.509 certificates of public Certificate Authorities";
    homepage = "https://firefox-source-docs.mozilla.org/security/nss/";
    license = lib.licenses.mpl20;
    platforms = lib.platforms.all;
  };
})
