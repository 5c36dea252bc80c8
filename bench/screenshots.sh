#!/usr/bin/env bash
# Screenshots of the pages a reviewer looks at (river, a hype post, a release timeline, search results, a podcast's
# show page, the digest, admin feeds), at 1366 px and 390 px, made by headless Chromium on the demo feeds.
# Needs chromium and chromium-driver (as .ci/run installs them). Writes web/target/screenshots/pages/*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -Dspotless.check.skip=true
./mvnw -B -q verify -pl web -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PagesBrowserIT \
  -Dspotless.check.skip=true -Djacoco.skip=true
ls -1 web/target/screenshots/pages/*.png
