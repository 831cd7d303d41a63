"""One recognizer per finding type; :mod:`nlp.registry` builds them from the policy."""
