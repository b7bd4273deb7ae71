#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources (lupdate), fills the English file, lists what
# still needs a Vietnamese translation.
#
# Usage: scripts/update-translations.sh [--check]
#   --check  change nothing; exit 1 when a source string is missing from, or untranslated in,
#            translations/nft-tracer_vi.ts (what tests/unit/translations_test.cpp also checks).
#
# Same options as the update_translations target that qt_add_translations() makes in
# translations/CMakeLists.txt (cmake --build BUILD --target update_translations); this script needs
# no configured build tree. After it, translate every entry it lists in nft-tracer_vi.ts
# (Qt Linguist: `linguist translations/nft-tracer_vi.ts`, or any editor: replace
# <translation type="unfinished"></translation> with <translation>…</translation>), keeping
# %1, %2, option and command names as they are. The build embeds the .qm files.
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
if [ "${1:-}" = "--check" ]; then
  check=1
elif [ $# -gt 0 ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
  for c in "$(qtpaths6 --query QT_HOST_LIBEXECS 2>/dev/null)/lupdate" \
           "$(qtpaths6 --query QT_HOST_BINS 2>/dev/null)/lupdate" /usr/lib/qt6/bin/lupdate; do
    if [ -x "$c" ]; then
      lupdate=$c
      break
    fi
  done
fi
if [ -z "$lupdate" ]; then
  echo "lupdate not found: install qt6-l10n-tools (scripts/setup-deps.sh) or set LUPDATE" >&2
  exit 1
fi

# Every folder whose sources hold user-visible strings (the ones that exist yet).
dirs=()
for d in src/core src/probe src/stream src/cli src/ipc src/present src/gui helper; do
  if [ -d "$d" ]; then
    dirs+=("$d")
  fi
done
opts=(-no-obsolete -locations none)

if [ $check -eq 1 ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp translations/nft-tracer_vi.ts "$tmp/vi.ts"
  "$lupdate" -silent "${opts[@]}" "${dirs[@]}" -ts "$tmp/vi.ts"
  n=$(grep -c 'type="unfinished"' "$tmp/vi.ts" || true)
  if [ "$n" -ne 0 ]; then
    echo "nft-tracer_vi.ts lacks $n translation(s); run scripts/update-translations.sh" >&2
    exit 1
  fi
  echo "translations complete"
  exit 0
fi

"$lupdate" "${opts[@]}" "${dirs[@]}" -ts translations/nft-tracer_en.ts translations/nft-tracer_vi.ts

# English is the source language: its translation is the source text itself.
python3 - translations/nft-tracer_en.ts <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
# One message at a time: the source may not run past its own </source>. Plural messages
# (<numerusform>) are left for a person to write singular and plural forms, and listed.
# Translator comments (<comment>, <extracomment>) may stand between the source and its translation.
notes = r'((?:\s*<(?:extra)?comment>[^<]*</(?:extra)?comment>)*\s*)'
text = re.sub(r'<source>((?:(?!</source>).)*)</source>' + notes + r'<translation type="unfinished">[^<]*</translation>',
              r'<source>\1</source>\2<translation>\1</translation>', text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
for m in re.finditer(r'<source>((?:(?!</source>).)*)</source>\s*<translation type="unfinished">\s*<numerusform>',
                     text, flags=re.S):
    print(f"  nft-tracer_en.ts needs singular and plural forms for: {m.group(1)!r}")
EOF

python3 - translations/nft-tracer_vi.ts <<'EOF'
import sys
import xml.etree.ElementTree as ET
todo = []
for ctx in ET.parse(sys.argv[1]).getroot().iter("context"):
    for m in ctx.iter("message"):
        if m.find("translation").get("type") == "unfinished":
            todo.append((ctx.findtext("name"), m.findtext("source")))
for name, source in todo:
    print(f"  [{name}] {source!r}")
print(f"nft-tracer_vi.ts: {len(todo)} message(s) to translate" if todo
      else "nft-tracer_vi.ts: every message is translated")
EOF
