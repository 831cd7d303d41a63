"""Named-entity recognition with local models (optional extra ``ner``: torch, transformers, ckip-transformers).

Importing this package is light: the heavy libraries load when a model is first used.
"""

from nlp.ner.ckip import CkipPersonFinder, NerModelError

__all__ = ["CkipPersonFinder", "NerModelError"]
