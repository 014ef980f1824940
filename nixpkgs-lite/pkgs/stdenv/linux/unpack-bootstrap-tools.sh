# Unpacks the bootstrap tools with busybox: the first builder of the bootstrap runs
# before there is any shell or tar built by Nix.
set -e
$builder mkdir "$out"
cd "$out"
$builder xz -dc "$tarball" | $builder tar x
for tool in bash sh gcc cc ld as ar sed grep awk tar gzip bzip2 xz make patch diff find; do
  [ -e "bin/$tool" ] || $builder ln -s "$builder" "bin/$tool"
done
