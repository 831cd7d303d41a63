"""IT's dashboard at ``/admin``: figures per day and department, top finding types, CSV, active policy."""
