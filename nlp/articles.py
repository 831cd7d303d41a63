"""The guideline articles (《新北市政府使用人工智慧作業指引》) the product enforces, and type labels.

Every finding and every verdict cites one of these. The texts are what the add-in shows; keep them short.
"""

from __future__ import annotations

from nlp.finding import CLASSIFIED, RESTRICTED, TW_BUSINESS_ID, Basis
from nlp.finding_types import FINDING_TYPES

FINAL_JUDGMENT = Basis(
    "第肆章第1條",
    "AI 產出僅為草稿，使用者應就其內容進行客觀、專業之最終判斷。",
    "AI output is only a draft: the person using it makes the objective, professional final judgment.",
)
PERSONAL_DATA_CARE = Basis(
    "第肆章第2條",
    "使用 AI 應注意個人資料保護、著作權及資訊使用規範。",
    "Mind personal-data protection, copyright and information-use rules when using AI.",
)
CLASSIFIED_BAN = Basis(
    "第肆章第7條第1款",
    "機密文書不得使用生成式 AI 處理，本文件標有機密等級，不可送出。",
    "Classified documents must not be used with generative AI; this text carries a classification marking.",
)
RESTRICTED_BAN = Basis(
    "第肆章第7條第2款",
    "公務應保密或未經機關同意公開之資訊不得提供予生成式 AI，本文件標有限閱或不公開等標示。",
    "Official-secret or not-yet-approved information must not be given to generative AI; "
    "this text carries a restriction marking.",
)
PERSONAL_DATA_BAN = Basis(
    "第肆章第7條第2款",
    "個人資料不得提供予生成式 AI，請先遮蔽或以代號取代後再使用。",
    "Personal data must not be given to generative AI: redact or pseudonymise it first.",
)
BUSINESS_ID_NOTE = Basis(
    "第肆章第2條",
    "公司統一編號非屬個人資料，僅供參考。",
    "A company's business ID is not personal data; reported for information only.",
)
ALLOW_BASIS = Basis(
    "第肆章第1條",
    "未發現機密標示或個人資料；AI 產出仍僅為草稿，最終判斷由您負責。",
    "No marking or personal data found; AI output is still only a draft and the final judgment is yours.",
)
PRC_SERVICE_WARNING = Basis(
    "行政院秘書長109年12月18日函",
    "公務不得使用大陸廠牌資通訊產品及服務，本文提及此類 AI 服務。",
    "PRC-brand ICT products and services must not be used for official work; this text names such an AI service.",
)

# zh-TW and English labels of the finding types, and the names inside placeholders (〔姓名1〕): nlp/finding_types.py
TYPE_LABELS: dict[str, tuple[str, str]] = {t.name: (t.zh, t.en) for t in FINDING_TYPES}
PLACEHOLDER_NAMES: dict[str, str] = {t.name: t.placeholder for t in FINDING_TYPES if t.placeholder}


def basis_for(finding_type: str) -> Basis:
    """The article a finding of this type rests on."""
    if finding_type == CLASSIFIED:
        return CLASSIFIED_BAN
    if finding_type == RESTRICTED:
        return RESTRICTED_BAN
    if finding_type == TW_BUSINESS_ID:
        return BUSINESS_ID_NOTE
    return PERSONAL_DATA_BAN
