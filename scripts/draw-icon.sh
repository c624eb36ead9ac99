#!/usr/bin/env bash
# Draws media/icon.png, the 128×128 marketplace icon (a key on a dark rounded square), with
# ImageMagick (`apt-get install -y imagemagick`; CONVERT=/usr/bin/convert picks a binary). Re-run after changing the drawing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
"${CONVERT:-convert}" -size 128x128 xc:none \
  -fill '#232F3E' -draw 'roundrectangle 4,4 123,123 22,22' \
  -stroke '#FF9900' -strokewidth 10 -fill none -draw 'circle 46,46 46,22' \
  -stroke none -fill '#FF9900' -draw 'circle 46,46 46,38' \
  -stroke '#FF9900' -strokewidth 10 \
  -draw 'stroke-linecap round line 63,63 104,104' -draw 'stroke-linecap round line 90,90 101,79' \
  -draw 'stroke-linecap round line 78,78 87,69' \
  -strip PNG32:media/icon.png
"${IDENTIFY:-identify}" media/icon.png
