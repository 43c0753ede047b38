"""``python -m salesnb.samples [--out DIR] [--seed N]``: regenerate the sample companies."""
from .regenerate import main

raise SystemExit(main())
