"""``python -m discourse.demo [FOLDER]``: write the SYNTHETIC demo corpus (default
``corpora/demo``)."""
import sys

from discourse.demo import write

out = sys.argv[1] if len(sys.argv) > 1 else "corpora/demo"
frame = write(out)
print(f"wrote {len(frame)} synthetic articles to {out}")
