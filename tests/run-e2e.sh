#!/bin/sh
# run-e2e.sh: the built app on one seed page, in its own bus and X server, checked through AT-SPI.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-e2e.sh BUILD_ROOT SOURCE_ROOT
# Reads FZ_SHARED_DIR (the seed pages) and FANZHA_CLI from the environment.
# Exits 77 (skipped) only when dbus-run-session, xvfb-run or pyatspi is missing.

set -u

build_root=${1:?build root}
source_root=${2:?source root}
shared_dir=${FZ_SHARED_DIR:-$source_root/../shared}
python=/usr/bin/python3

for tool in dbus-run-session xvfb-run; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "# skip: $tool is missing"
    exit 77
  fi
done
# Debian's own python has gi and pyatspi; another python3 on PATH may not.
if ! "$python" -c 'import pyatspi' >/dev/null 2>&1; then
  echo "# skip: pyatspi is missing"
  exit 77
fi

app="$build_root/src/fanzha"
if [ ! -x "$app" ]; then
  echo "missing $app" >&2
  exit 1
fi
if [ -z "${FANZHA_CLI:-}" ]; then
  FANZHA_CLI="$build_root/src/cli/fanzha-cli"
  export FANZHA_CLI
fi

page=$(ls "$shared_dir"/corpus/*.txt 2>/dev/null | head -n 1)
if [ -z "$page" ]; then
  echo "no seed page under $shared_dir/corpus" >&2
  exit 1
fi

# Everything the session writes stays in the build folder; the bus reads these at start.
home="$build_root/tests/e2e-home"
rm -rf "$home"
mkdir -p "$home/config" "$home/cache" "$home/data" "$home/runtime"
chmod 700 "$home/runtime"
HOME=$home
XDG_CONFIG_HOME=$home/config
XDG_CACHE_HOME=$home/cache
XDG_DATA_HOME=$home/data
XDG_RUNTIME_DIR=$home/runtime
GSETTINGS_SCHEMA_DIR=$build_root/data
FANZHA_LOCALEDIR=$build_root/po
E2E_APP=$app
E2E_PAGE=$page
E2E_LOG=$home/app.log
export HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_DATA_HOME XDG_RUNTIME_DIR GSETTINGS_SCHEMA_DIR
export FANZHA_LOCALEDIR E2E_APP E2E_PAGE E2E_LOG
# The test environment turns accessibility off and keeps settings in memory; not here.
unset GTK_A11Y GSETTINGS_BACKEND
# English labels, so the figure list is found by its name "Figures".
LANGUAGE=
LC_ALL=C.UTF-8
export LANGUAGE LC_ALL

script_dir=$(cd "$(dirname "$0")" && pwd)
E2E_SCRIPT=$script_dir/e2e-reader.py
export E2E_SCRIPT

exec dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' sh -c '
  gsettings set org.gnome.desktop.interface toolkit-accessibility true 2>/dev/null || true
  GTK_A11Y=atspi GDK_BACKEND=x11 GSETTINGS_BACKEND=memory "$E2E_APP" "$E2E_PAGE" >"$E2E_LOG" 2>&1 &
  app_pid=$!
  /usr/bin/python3 "$E2E_SCRIPT" --pid "$app_pid" --page "$E2E_PAGE" --cli "$FANZHA_CLI"
  status=$?
  kill "$app_pid" 2>/dev/null
  # Give it a moment to quit, then make sure it is gone.
  i=0
  while kill -0 "$app_pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  kill -9 "$app_pid" 2>/dev/null
  if [ $status -ne 0 ]; then
    echo "# app log:"; sed "s/^/#   /" "$E2E_LOG"
  fi
  exit $status
'
