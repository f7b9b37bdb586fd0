#!/bin/sh
# check-po.sh: fails when a translatable string of the sources is missing, untranslated or fuzzy.
set -eu
src=$1
lang=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
grep -v '^#' po/POTFILES.in | grep . > "$work/files"
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --files-from="$work/files" \
  --output="$work/fanzha.pot" 2>"$work/xgettext.log" || { cat "$work/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$work/fanzha.pot" -o "$work/merged.po"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/merged.po" 2>&1)
echo "$lang: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Untranslated or fuzzy strings in po/$lang.po:"
    msgattrib --untranslated --only-fuzzy "$work/merged.po" 2>/dev/null | grep '^msgid' || true
    msgattrib --untranslated "$work/merged.po" | grep '^msgid' | head -40
    exit 1 ;;
esac
