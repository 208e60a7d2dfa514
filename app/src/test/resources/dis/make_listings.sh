#!/bin/sh
# Regenerates these listings with the machine's CPython 3.11 (3.11.7 was used), each made the way
# a learner would make one. Run from this directory: sh make_listings.sh
set -e
# dis.dis("source") names the file "<dis>" in every code object's header.
python3 -c 'import dis; dis.dis(open("counter.py").read())' > counter-dis-of-source.dis
# compile(source, "<string>", "exec"), as `python3 -c` code often does, names it "<string>".
python3 -c 'import dis; dis.dis(compile(open("counter.py").read(), "<string>", "exec"))' \
  > counter-compiled-string.dis
# python3 -m dis FILE prints the module, then each code object it holds.
python3 -m dis counter.py > counter-m-dis.dis
# A list comprehension: its code object is named "<listcomp>".
python3 -c 'import dis; dis.dis(open("squares.py").read())' > squares-dis-of-source.dis
python3 --version > PYTHON_VERSION
