#!/bin/sh
# Regenerates the .dis listings from the .py sources with CPython 3.11 (3.11.7 was used).
# Run from this directory: sh make_listings.sh
set -e
for f in reward reward_call counter misc window_len window_str window_append window_append_kept window_pycall chain delegate; do
  python3 -c "import dis, sys; src = open('$f.py').read(); dis.dis(compile(src, '$f.py', 'exec'))" > $f.dis
done
python3 --version > PYTHON_VERSION
