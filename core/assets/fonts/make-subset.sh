#!/usr/bin/env bash
# Rebuilds the report font from Debian's DejaVu Sans Condensed (fonts-dejavu-extra 2.37):
# Basic Latin, Latin-1, Latin Extended-A (+ Romanian ș ț), so names and notes in most European
# languages print, and the symbols the report uses (– — ‘ ’ “ ” • … € − ≈ ≤ ≥ × · µ μ Δ °
# ← ↑ → ↓ ▲ ▼ ■ ●); without hinting or OpenType layout tables (the report does not shape
# text); the name table (copyright and licence) is kept whole. Other characters print as "?".
#
# Writes DejaVuSansCondensed-report.ttf (the font) and DejaVuSansCondensed-report.ttf.zlib (the
# same bytes zlib-compressed: what the library embeds, and what a PDF's /FlateDecode font
# stream holds as is). Both are byte-for-byte reproducible for a given fontTools version and
# source font (SHA-256 sums in README.md).
#   pip install fonttools==4.68.0 && core/assets/fonts/make-subset.sh
set -euo pipefail
cd "$(dirname "$0")"
SRC=${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}
UNICODES="U+0020-007E,U+00A0-017F,U+0218-021B,U+0394,U+03BC,U+2009,U+2013,U+2014,U+2018,U+2019,U+201C,U+201D,U+2022,U+2026,U+20AC,U+2190-2193,U+2212,U+2248,U+2264,U+2265,U+25A0,U+25B2,U+25BC,U+25CF"
pyftsubset "$SRC/DejaVuSansCondensed.ttf" \
  --unicodes="$UNICODES" \
  --no-hinting --layout-features='' --drop-tables+=GSUB,GPOS,GDEF,kern,FFTM \
  --name-IDs='*' --name-languages='*' --notdef-outline \
  --output-file=DejaVuSansCondensed-report.ttf
python3 -c 'import sys, zlib; sys.stdout.buffer.write(zlib.compress(open(sys.argv[1], "rb").read(), 9))' \
  DejaVuSansCondensed-report.ttf >DejaVuSansCondensed-report.ttf.zlib
ls -l DejaVuSansCondensed-report.ttf DejaVuSansCondensed-report.ttf.zlib
