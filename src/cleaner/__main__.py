"""``python -m cleaner``: the same command as the ``cleaner`` script."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
