#!/usr/bin/env bash
# Rebuilds the report font from Debian's DejaVu Sans Condensed (fonts-dejavu-extra 2.37):
# Latin (Basic, Latin-1, Extended-A and -B, IPA and spacing modifiers, Latin Extended Additional
# with every Vietnamese precomposed letter), the combining diacritics, Greek (with polytonic
# Greek Extended) and Cyrillic (with its Supplement), General Punctuation, and the symbols the
# report uses (€ − ≈ ≤ ≥ ← ↑ → ↓ ▲ ▼ ■ ●, and □, drawn for a character no font has); without
# hinting or OpenType layout tables (these scripts need no shaping); the name table (copyright
# and licence) is kept whole. Characters of other scripts are drawn with a font the platform
# passes (ReportOptions.fallback_fonts), or the report says they could not be drawn.
#
# Writes DejaVuSansCondensed-report.ttf (the font) and DejaVuSansCondensed-report.ttf.zlib (the
# same bytes zlib-compressed: what the library embeds; each report cuts the glyphs it uses
# from it). Both are byte-for-byte reproducible for a given fontTools version and
# source font (SHA-256 sums in README.md).
#   pip install fonttools==4.68.0 && core/assets/fonts/make-subset.sh
set -euo pipefail
cd "$(dirname "$0")"
SRC=${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}
UNICODES="U+0020-007E,U+00A0-036F,U+0370-03FF,U+0400-052F,U+1E00-1FFF,U+2000-206F,U+20AC,U+2190-2193,U+2212,U+2248,U+2264,U+2265,U+25A0,U+25A1,U+25B2,U+25BC,U+25CF"
pyftsubset "$SRC/DejaVuSansCondensed.ttf" \
  --unicodes="$UNICODES" \
  --no-hinting --layout-features='' --drop-tables+=GSUB,GPOS,GDEF,kern,FFTM \
  --name-IDs='*' --name-languages='*' --notdef-outline \
  --output-file=DejaVuSansCondensed-report.ttf
python3 -c 'import sys, zlib; sys.stdout.buffer.write(zlib.compress(open(sys.argv[1], "rb").read(), 9))' \
  DejaVuSansCondensed-report.ttf >DejaVuSansCondensed-report.ttf.zlib
ls -l DejaVuSansCondensed-report.ttf DejaVuSansCondensed-report.ttf.zlib
