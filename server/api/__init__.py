"""The add-in's JSON API, ``/api/v1``: one blueprint per feature."""
