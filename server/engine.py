"""The one engine a server process uses, built at start-up from the policy file (``AIGUARD_POLICY``).

The server only wraps ``nlp``: everything about findings, verdicts, redaction and notices is the
engine's. Views get the engine and its policy from here.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, current_app

from server.config import ConfigError, Settings

log = logging.getLogger("aiguard.engine")


def load_engine(settings: Settings) -> tuple[Any, Any]:
    """Parse the policy (default policy without ``AIGUARD_POLICY``) and build the engine on it."""
    from nlp import Engine, PolicyError, load_policy

    ner_environ = {"AIGUARD_CKIP_MODEL": settings.ckip_model, "AIGUARD_CKIP_TOKENIZER": settings.ckip_tokenizer}
    try:
        policy = load_policy(settings.policy_path, environ=ner_environ)
    except PolicyError as error:
        raise ConfigError("AIGUARD_POLICY", str(error)) from None
    engine = Engine(policy=policy)
    engine.warm_up()
    log.info("engine ready, policy version %s", policy.version)
    return engine, policy


def engine() -> Any:
    """The current app's ``nlp.Engine``."""
    return current_app.extensions["aiguard.engine"]


def policy() -> Any:
    """The active ``nlp.Policy``."""
    return current_app.extensions["aiguard.policy"]


def init_app(app: Flask, settings: Settings) -> None:
    app.extensions["aiguard.engine"], app.extensions["aiguard.policy"] = load_engine(settings)
