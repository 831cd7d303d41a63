"""The one table of finding types: everything that says what a type is called, how it is shown, replaced,
masked, ranked and ordered reads it.

Read by ``nlp.finding`` (the type constants and groups), ``nlp.articles`` (labels, placeholder names),
``nlp.redaction`` (mask rules), ``nlp.engine`` (overlap priority), ``nlp.policy`` (default actions), the
CLI, ``bench/corpus.py`` (the corpus's types), the server (``GET /api/v1/policy`` sends labels and order to the
add-in; the OpenAPI enums) and, through the policy response, the add-in. ``tests/nlp/test_finding_types.py``
checks that every type is complete in every place; CONTRIBUTING.md says how to add one.

Names are part of the interface (JSON, policy files, audit rows): never rename a type.

>>> FINDING_TYPE["PERSON"].placeholder, FINDING_TYPE["PERSON"].mask
('姓名', 'name')
>>> [t.name for t in FINDING_TYPES if t.marking]
['CLASSIFIED', 'RESTRICTED']
"""

from __future__ import annotations

from dataclasses import dataclass

TW_NATIONAL_ID = "TW_NATIONAL_ID"
TW_RESIDENT_ID = "TW_RESIDENT_ID"
TW_PASSPORT = "TW_PASSPORT"
TW_NHI_CARD = "TW_NHI_CARD"
PHONE = "PHONE"
EMAIL = "EMAIL"
ADDRESS = "ADDRESS"
PERSON = "PERSON"
BIRTH_DATE = "BIRTH_DATE"
BANK_ACCOUNT = "BANK_ACCOUNT"
CREDIT_CARD = "CREDIT_CARD"
SENSITIVE_CATEGORY = "SENSITIVE_CATEGORY"
TW_BUSINESS_ID = "TW_BUSINESS_ID"
CLASSIFIED = "CLASSIFIED"
RESTRICTED = "RESTRICTED"

# Mask rules (nlp.redaction.MASK_RULES implements each): what a masked copy keeps of a value.
MASK_RULES = (
    "name",  # 王○明, J. S.
    "email",  # j***@example.gov.tw
    "phone",  # 0912-***-678; a bare extension is masked whole
    "last4",  # ****-****-****-1234: card, account, NHI card and passport numbers
    "address",  # the road kept, numbers → ○
    "date",  # numerals → ○
    "category",  # the whole span → 〔已遮蔽〕
    "ends3",  # A12****789: the first and last three letters or digits kept
)


@dataclass(frozen=True)
class FindingType:
    """One finding type: its name and everything each part of aiguard needs to know about it."""

    name: str
    zh: str  # label shown to officials (CLI report, pane, dashboard, verdict messages)
    en: str
    placeholder: str  # the name inside a placeholder, 〔姓名1〕; "" for markings (never replaced)
    mask: str  # one of MASK_RULES; "" for markings (never masked)
    priority: int  # which finding survives when two non-marking findings overlap (higher wins); 0 for markings
    personal: bool  # personal data (個資): redacted by default, counted as personal in the benchmarks
    marking: bool  # a classification or restriction marking: blocks, never redacted

    @property
    def default_action(self) -> str:
        """``block`` for a marking, ``redact`` for personal data, ``report`` for the rest."""
        return "block" if self.marking else "redact" if self.personal else "report"


# In display order: markings first, then identifiers, contact data, the rest (the pane groups findings so).
FINDING_TYPES: tuple[FindingType, ...] = (
    FindingType(CLASSIFIED, "機密等級標示", "Classification marking", "", "", 0, False, True),
    FindingType(RESTRICTED, "限閱等限制標示", "Restriction marking", "", "", 0, False, True),
    FindingType(TW_NATIONAL_ID, "身分證統一編號", "National ID number", "身分證字號", "ends3", 10, True, False),
    FindingType(TW_RESIDENT_ID, "居留證統一證號", "Resident certificate number", "居留證號", "ends3", 10, True, False),
    FindingType(TW_PASSPORT, "護照號碼", "Passport number", "護照號碼", "last4", 8, True, False),
    FindingType(TW_NHI_CARD, "健保卡號", "NHI card number", "健保卡號", "last4", 8, True, False),
    FindingType(PERSON, "姓名", "Person name", "姓名", "name", 3, True, False),
    FindingType(PHONE, "電話號碼", "Phone number", "電話", "phone", 6, True, False),
    FindingType(EMAIL, "電子郵件地址", "E-mail address", "電子郵件", "email", 7, True, False),
    FindingType(ADDRESS, "地址", "Postal address", "地址", "address", 4, True, False),
    FindingType(BIRTH_DATE, "出生日期", "Birth date", "出生日期", "date", 5, True, False),
    FindingType(BANK_ACCOUNT, "銀行帳號", "Bank account", "帳號", "last4", 7, True, False),
    FindingType(CREDIT_CARD, "信用卡號", "Credit card number", "信用卡號", "last4", 9, True, False),
    FindingType(SENSITIVE_CATEGORY, "特種個資（個資法第6條）", "Special-category data (PDPA art. 6)", "特種個資",
                "category", 2, True, False),
    FindingType(TW_BUSINESS_ID, "統一編號（公司）", "Business ID (company)", "統一編號", "ends3", 8, False, False),
)
FINDING_TYPE: dict[str, FindingType] = {finding_type.name: finding_type for finding_type in FINDING_TYPES}
TYPE_NAMES: tuple[str, ...] = tuple(FINDING_TYPE)


def display_rank(name: str) -> int:
    """Position of a type in display order; unknown types after all known ones."""
    return TYPE_NAMES.index(name) if name in FINDING_TYPE else len(TYPE_NAMES)
