#!/usr/bin/env bash
# Cut a release of the API bundle(s) into cnf/releases, the baseline every later build is compared with.
#   cnf/release-api.sh RELEASE NEXT      e.g. cnf/release-api.sh 1.1.0 1.2.0-SNAPSHOT
# 1. builds hal-api at version RELEASE in a scratch copy (the working tree is not touched) and deploys it
#    (with the parent pom) into the file-based Maven repository cnf/releases;
# 2. moves every pom of the working tree from the current snapshot version to NEXT.
# Commit cnf/releases and the poms together afterwards.
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 RELEASE NEXT-SNAPSHOT" >&2; exit 2; }
release=$1 next=$2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
current=$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$root/pom.xml" | head -1)
[[ $current == *-SNAPSHOT ]] || { echo "current version $current is not a snapshot" >&2; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$root/pom.xml" "$root/bnd.bnd" "$root/cnf" "$root/.mvn" "$root/hal-api" "$scratch/"
rm -rf "$scratch/hal-api/target" "$scratch/cnf/rdl-compiler"
# A reactor of the parent and hal-api only, at the release version.
sed -i -e '/<modules>/,/<\/modules>/c\  <modules><module>hal-api</module></modules>' "$scratch/pom.xml"
sed -i "s#<version>$current</version>#<version>$release</version>#" "$scratch/pom.xml" "$scratch/hal-api/pom.xml"
(cd "$scratch" && mvn -q -DskipTests deploy \
  -Dhalcyon.releases.dir="$root/cnf/releases" \
  -DaltDeploymentRepository="halcyon-releases::file://$root/cnf/releases")
echo "released hal-api $release into cnf/releases"

git -C "$root" ls-files -z '*pom.xml' | (cd "$root" && xargs -0 sed -i "s#<version>$current</version>#<version>$next</version>#")
echo "working tree moved from $current to $next"
