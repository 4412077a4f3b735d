#!/usr/bin/env bash
# Record the first release of bundles that export packages but are versioned with the project (the chip model,
# the training API, the update manager, the registers library, the DMA adapter's port), into cnf/releases,
# the baseline their later builds are compared with (see cnf/README.md).
#   cnf/record-release.sh RELEASE MODULE_DIR...     e.g. cnf/record-release.sh 1.0.0 consumers/mlp-training
# Takes each module's built jar (run `mvn verify` first, so what is recorded passed the tests), sets its
# Bundle-Version to RELEASE (the jar is otherwise byte for byte what was built) and installs it as
# io.halcyon:ARTIFACT:RELEASE. Commit cnf/releases afterwards. hal-api has its own version line and its own
# release script (cnf/release-api.sh).
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 RELEASE MODULE_DIR..." >&2; exit 2; }
release=$1; shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for module in "$@"; do
  artifact=$(sed -n '/<parent>/,/<\/parent>/d; s#^  <artifactId>\(.*\)</artifactId>.*#\1#p' "$root/$module/pom.xml" | head -1)
  jar=$(ls "$root/$module"/target/"$artifact"-*-SNAPSHOT.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)
  [[ -n $jar ]] || { echo "$module: no built $artifact jar in $module/target (run mvn verify first)" >&2; exit 1; }
  python3 - "$jar" "$scratch/$artifact.jar" "$release" <<'PY'
import re, sys, zipfile
src, dst, version = sys.argv[1:]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "META-INF/MANIFEST.MF":
            data, n = re.subn(rb"(?m)^Bundle-Version: .*\r?$", b"Bundle-Version: " + version.encode() + b"\r", data)
            if n != 1:
                sys.exit(f"{src}: no Bundle-Version header")
        zout.writestr(item, data)
PY
  mvn -q -o install:install-file -Dfile="$scratch/$artifact.jar" -DgroupId=io.halcyon -DartifactId="$artifact" \
    -Dversion="$release" -Dpackaging=jar -DgeneratePom=true -DlocalRepositoryPath="$root/cnf/releases"
  # A local-repository install leaves bookkeeping a remote (file) repository does not use.
  rm -f "$root/cnf/releases/io/halcyon/$artifact/$release/_remote.repositories" "$root/cnf/releases/io/halcyon/$artifact/maven-metadata-local.xml"
  echo "recorded $artifact $release (from $(basename "$jar")) in cnf/releases"
done
