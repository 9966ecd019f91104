"""`python -m tui` is the same program as the `case-review` console script."""

from tui.cli import main

raise SystemExit(main())
