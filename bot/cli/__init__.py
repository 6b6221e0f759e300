"""Command-line interface: `python -m bot <command>`; each command module registers itself."""
