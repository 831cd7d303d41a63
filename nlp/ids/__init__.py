"""Pure identifier checks, one module per identifier, python-stdnum style (compact / is_valid)."""
