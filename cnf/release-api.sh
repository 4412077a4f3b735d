#!/usr/bin/env bash
# Cut a release of the API bundle into cnf/releases, the baseline every later build is compared with.
#   cnf/release-api.sh RELEASE NEXT      e.g. cnf/release-api.sh 1.1.0 1.2.0-SNAPSHOT
# 1. builds hal-api at version RELEASE in a scratch copy (the working tree is not touched) and deploys
#    it into the file-based Maven repository cnf/releases (baselined against the previous release);
# 2. moves hal-api's version (hal-api/pom.xml and hal.api.version in the root pom) to NEXT.
# Commit cnf/releases and the two poms together afterwards.
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 RELEASE NEXT-SNAPSHOT" >&2; exit 2; }
release=$1 next=$2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
current=$(sed -n 's#.*<hal.api.version>\(.*\)</hal.api.version>.*#\1#p' "$root/pom.xml")
[[ $current == *-SNAPSHOT ]] || { echo "hal-api version $current is not a snapshot" >&2; exit 2; }
set_version() { # dir version
  sed -i "s#<hal.api.version>.*</hal.api.version>#<hal.api.version>$2</hal.api.version>#" "$1/pom.xml"
  sed -i "s#^  <version>[^<]*</version><!-- keep equal to hal.api.version#  <version>$2</version><!-- keep equal to hal.api.version#" "$1/hal-api/pom.xml"
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/hal-api" "$scratch/cnf"
cp -r "$root/pom.xml" "$root/bnd.bnd" "$root/.mvn" "$scratch/"
cp -r "$root/hal-api/pom.xml" "$root/hal-api/bnd.bnd" "$root/hal-api/src" "$scratch/hal-api/"
cp "$root"/cnf/*.bnd "$scratch/cnf/"
# A reactor of the parent and hal-api only, hal-api at the release version.
perl -0pi -e 's#<modules>.*?</modules>#<modules><module>hal-api</module></modules>#s' "$scratch/pom.xml"
set_version "$scratch" "$release"
must_find=$([[ -d $root/cnf/releases/io/halcyon/hal-api ]] && echo true || echo false)
(cd "$scratch" && mvn -q -pl hal-api -DskipTests deploy -Dhalcyon.baseline.failOnMissing=$must_find \
  -Dhalcyon.releases.dir="$root/cnf/releases" \
  -DaltDeploymentRepository="halcyon-releases::file://$root/cnf/releases")
echo "released hal-api $release into cnf/releases"

set_version "$root" "$next"
echo "hal-api moved from $current to $next"
