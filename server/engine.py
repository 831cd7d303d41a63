"""The one engine a server process uses, built at start-up from the policy file (``AIGUARD_POLICY``).

The server only wraps ``nlp``: everything about findings, verdicts, redaction and notices is the
engine's. Views get the engine and its policy from here.
"""

from __future__ import annotations

import logging

from flask import Flask, current_app

from nlp import Engine, Policy, PolicyError, load_policy
from server.config import ConfigError, Settings

log = logging.getLogger("aiguard.engine")


def load_engine(settings: Settings) -> tuple[Engine, Policy]:
    """Parse the policy (default policy without ``AIGUARD_POLICY``) and build the engine on it."""
    ner_environ = {"AIGUARD_CKIP_MODEL": settings.ckip_model, "AIGUARD_CKIP_TOKENIZER": settings.ckip_tokenizer}
    try:
        policy = load_policy(settings.policy_path, environ=ner_environ)
    except PolicyError as error:
        raise ConfigError("AIGUARD_POLICY", str(error)) from None
    engine = Engine(policy=policy)
    engine.warm_up()
    log.info("engine ready, policy version %s", policy.version)
    return engine, policy


def engine() -> Engine:
    """The current app's ``nlp.Engine``."""
    current: Engine = current_app.extensions["aiguard.engine"]
    return current


def policy() -> Policy:
    """The active ``nlp.Policy``."""
    active: Policy = current_app.extensions["aiguard.policy"]
    return active


def init_app(app: Flask, settings: Settings) -> None:
    app.extensions["aiguard.engine"], app.extensions["aiguard.policy"] = load_engine(settings)
