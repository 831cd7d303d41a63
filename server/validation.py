"""Check a decoded JSON request against its schema (the subset of JSON Schema that ``schemas.py`` uses).

The same schema objects are published in the OpenAPI document, so what the server enforces and what it
documents cannot drift apart. A failure names the field, in zh-TW and English.
"""

from __future__ import annotations

import re
from typing import Any

from server.errors import ApiError

JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}
TYPE_NAMES_ZH = {
    "object": "物件",
    "array": "陣列",
    "string": "字串",
    "integer": "整數",
    "number": "數字",
    "boolean": "布林值",
    "null": "null",
}


def _is_type(value: Any, type_name: str) -> bool:
    if isinstance(value, bool) and type_name in ("integer", "number"):
        return False
    return isinstance(value, JSON_TYPES[type_name])


def _invalid(where: str, zh: str, en: str) -> ApiError:
    return ApiError("invalid_request", zh=f"欄位 {where}：{zh}", en=f"Field {where}: {en}")


def validate(value: Any, schema: dict[str, Any], where: str = "body") -> None:
    """Raise :class:`ApiError` ``invalid_request`` when ``value`` does not match ``schema``."""
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else list(types)
        if not any(_is_type(value, name) for name in names):
            wanted_zh = "或".join(TYPE_NAMES_ZH[n] for n in names)
            raise _invalid(where, f"應為{wanted_zh}", f"must be {' or '.join(names)}")
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(str(v) for v in schema["enum"])
        raise _invalid(where, f"只接受 {allowed}", f"must be one of {allowed}")
    if isinstance(value, str):
        _validate_string(value, schema, where)
    elif isinstance(value, dict):
        _validate_object(value, schema, where)
    elif isinstance(value, list):
        _validate_array(value, schema, where)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            raise _invalid(where, f"不得小於 {schema['minimum']}", f"must be at least {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            raise _invalid(where, f"不得大於 {schema['maximum']}", f"must be at most {schema['maximum']}")


def _validate_string(value: str, schema: dict[str, Any], where: str) -> None:
    if "minLength" in schema and len(value) < schema["minLength"]:
        raise _invalid(
            where, f"至少 {schema['minLength']} 個字元", f"needs at least {schema['minLength']} characters"
        )
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        raise _invalid(
            where, f"最多 {schema['maxLength']} 個字元", f"allows at most {schema['maxLength']} characters"
        )
    if "pattern" in schema and not re.search(schema["pattern"], value):
        raise _invalid(where, "格式不正確", "has the wrong format")


def _validate_object(value: dict[str, Any], schema: dict[str, Any], where: str) -> None:
    properties: dict[str, Any] = schema.get("properties", {})
    if "maxProperties" in schema and len(value) > schema["maxProperties"]:
        raise _invalid(
            where, f"最多 {schema['maxProperties']} 項", f"allows at most {schema['maxProperties']} entries"
        )
    if "propertyNames" in schema:
        for name in value:
            validate(name, schema["propertyNames"], f"{where} key")
    for name in schema.get("required", ()):
        if name not in value:
            raise _invalid(f"{where}.{name}", "必填", "is required")
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        if name in properties:
            validate(item, properties[name], f"{where}.{name}")
        elif extra is False:
            raise _invalid(f"{where}.{name}", "不是可接受的欄位", "is not an accepted field")
        elif isinstance(extra, dict):
            validate(item, extra, f"{where}.{name}")


def _validate_array(value: list[Any], schema: dict[str, Any], where: str) -> None:
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        raise _invalid(where, f"最多 {schema['maxItems']} 項", f"allows at most {schema['maxItems']} items")
    if "items" in schema:
        for index, item in enumerate(value):
            validate(item, schema["items"], f"{where}[{index}]")
