"""Builds the recognizers the policy asks for. Every recognizer module is listed here once."""

from __future__ import annotations

from nlp.policy import Policy
from nlp.recognizers.address import AddressRecognizer
from nlp.recognizers.bank_account import BankAccountRecognizer
from nlp.recognizers.base import Recognizer
from nlp.recognizers.birth_date import BirthDateRecognizer
from nlp.recognizers.classified import ClassifiedRecognizer
from nlp.recognizers.credit_card import CreditCardRecognizer
from nlp.recognizers.email import EmailRecognizer
from nlp.recognizers.person import PersonRecognizer
from nlp.recognizers.person_english import EnglishPersonRecognizer
from nlp.recognizers.phone import PhoneRecognizer
from nlp.recognizers.restricted import RestrictedRecognizer
from nlp.recognizers.sensitive_category import SensitiveCategoryRecognizer
from nlp.recognizers.tw_business_id import TwBusinessIdRecognizer
from nlp.recognizers.tw_national_id import TwNationalIdRecognizer
from nlp.recognizers.tw_nhi_card import TwNhiCardRecognizer
from nlp.recognizers.tw_passport import TwPassportRecognizer
from nlp.recognizers.tw_resident_id import TwResidentIdRecognizer

RULE_RECOGNIZERS: tuple[type[Recognizer], ...] = (
    TwNationalIdRecognizer,
    TwResidentIdRecognizer,
    TwPassportRecognizer,
    TwNhiCardRecognizer,
    PhoneRecognizer,
    EmailRecognizer,
    AddressRecognizer,
    PersonRecognizer,
    EnglishPersonRecognizer,
    BirthDateRecognizer,
    BankAccountRecognizer,
    CreditCardRecognizer,
    SensitiveCategoryRecognizer,
    TwBusinessIdRecognizer,
)


def build_recognizers(policy: Policy) -> list[Recognizer]:
    recognizers: list[Recognizer] = [cls() for cls in RULE_RECOGNIZERS if policy.enabled(cls.type)]
    if policy.enabled(ClassifiedRecognizer.type):
        recognizers.append(ClassifiedRecognizer(policy.classified_markings))
    if policy.enabled(RestrictedRecognizer.type):
        recognizers.append(RestrictedRecognizer(policy.restricted_markings))
    return recognizers
