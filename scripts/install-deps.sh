#!/usr/bin/env bash
# Installs the Debian 12 packages Passend needs to build, test and run, when missing.
# Run as root (or with sudo). Safe to run again: it only installs what is absent.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libxapian-dev xapian-tools
  libcurl4-openssl-dev
  libpugixml-dev
  rapidjson-dev
  libgumbo-dev
  libsqlite3-dev sqlite3
  libgtest-dev googletest
  libcpp-httplib-dev zlib1g-dev
  python3-aiosmtpd openssl
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
