"""The peer every benchmark measures against: Presidio's AnalyzerEngine, built offline.

Kept apart from the corpus code so that it imports nothing of aiguard: ``bench/speed.py --baseline`` measures an
older aiguard engine next to it in another process.
"""

from __future__ import annotations

import tempfile
from pathlib import Path


def build_presidio():
    """An offline Presidio AnalyzerEngine: locale-agnostic pattern recognizers, phone limited to TW."""
    import logging

    import spacy
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        CryptoRecognizer,
        DateRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        MacAddressRecognizer,
        PhoneRecognizer,
        UrlRecognizer,
        UuidRecognizer,
    )

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    offline_tld = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class OfflineEmailRecognizer(EmailRecognizer):
        """Presidio's e-mail recognizer with a tldextract that never touches the network."""

        def validate_result(self, pattern_text: str) -> bool:
            return offline_tld(pattern_text).fqdn != ""

    model_dir = Path(tempfile.mkdtemp(prefix="presidio-blank-en-"))
    spacy.blank("en").to_disk(model_dir)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": str(model_dir)}],
        }
    )
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in (
        CreditCardRecognizer(),
        CryptoRecognizer(),
        DateRecognizer(),
        OfflineEmailRecognizer(),
        IbanRecognizer(),
        IpRecognizer(),
        MacAddressRecognizer(),
        PhoneRecognizer(supported_regions=("TW",)),
        UrlRecognizer(),
        UuidRecognizer(),
    ):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=provider.create_engine(), supported_languages=["en"])
