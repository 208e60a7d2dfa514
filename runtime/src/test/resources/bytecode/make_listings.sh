#!/bin/sh
# Regenerates the .dis listings from the .py sources with CPython 3.11 (3.11.7 was used).
# Run from this directory: sh make_listings.sh
set -e
for f in reward reward_call counter misc window_len window_str window_append window_append_kept window_pycall chain delegate data extended window_isinstance window_type window_abs window_contains exceptions with_errors exceptions_tuple code_objects refused closures generators window_star window_listcomp window_genexpr; do
  python3 -c "import dis, sys; src = open('$f.py').read(); dis.dis(compile(src, '$f.py', 'exec'))" > $f.dis
done
# Whole modules (vm-modules): listed as python3 -m dis lists them.
for f in reward_lock primitives threading_errors thread_raises; do
  python3 -m dis $f.py > $f.dis
done
# Modules with a __main__ block: what python3 prints, which the VM must print too.
for f in reward_lock primitives thread_raises; do
  python3 $f.py > $f.out 2> /dev/null
done
python3 --version > PYTHON_VERSION
# What real CPython prints for the VM tests to compare with (main(1234) of data.py, main(3) of
# extended.py).
python3 -c "exec(open('data.py').read()); main(1234)" > data.out
python3 -c "exec(open('extended.py').read()); main(3)" > extended.out
# main([1000, 2000, 300000, -5]) of code_objects.py, main(4) of closures.py and generators.py.
python3 -c "exec(open('code_objects.py').read()); main([1000, 2000, 300000, -5])" > code_objects.out
python3 -c "exec(open('closures.py').read()); main(4)" > closures.out
python3 -c "exec(open('generators.py').read()); main(4)" > generators.out
