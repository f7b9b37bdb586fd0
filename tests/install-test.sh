#!/bin/sh
# install-test.sh: configures the sources for a fresh temporary prefix, installs there, and
# starts the installed app (a screenshot run) and fanzha-cli as a user of that install would.
# Usage: install-test.sh SOURCE_DIR SAMPLE_FILE
set -eu
src=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

meson setup "$work/build" "$src" --prefix="$prefix" -Dfuzzing=false >"$work/setup.log" 2>&1 \
  || { cat "$work/setup.log"; exit 1; }
# Only what is installed; the tests and benchmarks are not built.
meson compile -C "$work/build" src/fanzha src/cli/fanzha-cli fanzha-gmo \
  data/org.fanzha.Fanzha.desktop data/org.fanzha.Fanzha.metainfo.xml >"$work/compile.log" 2>&1 \
  || { tail -40 "$work/compile.log"; exit 1; }
meson install -C "$work/build" --no-rebuild >"$work/install.log" 2>&1 \
  || { tail -40 "$work/install.log"; exit 1; }

schemas="$prefix/share/glib-2.0/schemas/gschemas.compiled"
[ -f "$schemas" ] || { echo "not compiled at install: $schemas"; exit 1; }

# As a session would see the prefix: its data folder on XDG_DATA_DIRS, nothing of the build.
unset GSETTINGS_SCHEMA_DIR FANZHA_DATADIR FZ_DATA_DIR GSETTINGS_BACKEND
export XDG_DATA_DIRS="$prefix/share:/usr/share"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_CACHE_HOME="$work/home/cache"
mkdir -p "$HOME"

"$prefix/bin/fanzha-cli" extract --count "$2"/*.txt
if [ -n "${DISPLAY:-}" ]; then
  timeout 60 "$prefix/bin/fanzha" --screenshot "$work/shot.png" "$2"
  [ -s "$work/shot.png" ] || { echo "the installed app made no screenshot"; exit 1; }
  echo "installed app started and drew its window"
else
  echo "no display: the installed app was not started"
fi
