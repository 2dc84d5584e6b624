#!/usr/bin/env bash
# Tags released images by the image tag policy (docs/release.md):
#   vX.Y.Z  immutable, one per release
#   vX.Y    floating: the newest vX.Y.* release
#   vX      floating: the newest vX.* release (not before 1.0, where a minor
#           release may break)
# and never latest. It moves a floating tag only when VERSION is the newest
# release under it among the git tags, so releasing an older line's patch
# does not move vX backwards.
#
# Usage: scripts/release-tags.sh VERSION [IMAGE...]
#   Prints the tags for VERSION; with images, tags each local IMAGE:VERSION
#   with them (docker tag). Pushing is the release pipeline's step.
set -euo pipefail
version=${1:-}
shift || true
if [ "$version" = latest ] || [[ ",$*," == *:latest,* ]]; then
  echo "release-tags: refusing 'latest': images are tagged vX.Y.Z, vX.Y and vX only" >&2
  exit 1
fi
if ! [[ "$version" =~ ^v([0-9]+)\.([0-9]+)\.([0-9]+)(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "release-tags: '$version' is not a release version vX.Y.Z (or vX.Y.Z-pre.N)" >&2
  exit 1
fi
major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} pre=${BASH_REMATCH[4]}

# newest prints the highest release among the git tags matching a prefix
# and VERSION itself; pre-releases do not count.
newest() {
  { git tag --list "$1*" 2>/dev/null | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' || true; echo "$version"; } | sort -V | tail -n1
}

tags=("$version")
if [ -z "$pre" ]; then
  [ "$(newest "v$major.$minor.")" = "$version" ] && tags+=("v$major.$minor")
  [ "$major" != 0 ] && [ "$(newest "v$major.")" = "$version" ] && tags+=("v$major")
fi

if [ $# -eq 0 ]; then
  printf '%s\n' "${tags[@]}"
  exit 0
fi
for image in "$@"; do
  for tag in "${tags[@]:1}"; do
    docker tag "$image:$version" "$image:$tag"
  done
  printf '%s\n' "${tags[@]/#/$image:}"
done
