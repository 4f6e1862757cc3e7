#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder (choose the Ubuntu 24.04 base image): it installs a
# JDK 17 and Maven, then grades the reference solutions once, which caches every dependency before the first
# submission arrives and proves the graders pass on this image.
set -euo pipefail
root=${AUTOGRADER_ROOT:-/autograder}
if [ -z "${WORKBOOK_SKIP_PACKAGES:-}" ] && command -v apt-get > /dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless maven git > /dev/null
fi
version=$(mvn -B -v | sed -n 1p | sed -E 's/.*Maven ([0-9]+)\.([0-9]+).*/\1 \2/')
set -- $version
if [ "$1" -lt 3 ] || { [ "$1" -eq 3 ] && [ "$2" -lt 8 ]; }; then
  echo "Kafka Workbook needs Maven 3.8 or newer; this image has $(mvn -B -v | sed -n 1p). Choose the Ubuntu 24.04 base image." >&2
  exit 1
fi
cd "$root/source/workbook"
mvn -B -q test -Psolutions -Dworkbook.skipKitTests=true -Dworkbook.lang=en
