# deps.sh: installs the Debian 12 packages Fanzha needs, only those missing. Sourced by run and test.
FZ_PACKAGES="meson ninja-build pkg-config gcc libglib2.0-dev libgtk-4-dev libadwaita-1-dev
  libxml2-dev libxml2-utils libuchardet-dev libopencc-dev libpoppler-glib-dev libcairo2-dev libpango1.0-dev gettext desktop-file-utils
  appstream-util xvfb xauth dbus dbus-x11 at-spi2-core fonts-noto-cjk imagemagick python3
  python3-dogtail python3-pyatspi clang-14 libfuzzer-14-dev libclang-rt-14-dev valgrind
  libglib2.0-bin locales poppler-utils"

fz_install_deps ()
{
  missing=""
  for p in $FZ_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "Installing:$missing"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Some packages are missing; run this script as root (or with sudo) to install them." >&2
    exit 1
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}
