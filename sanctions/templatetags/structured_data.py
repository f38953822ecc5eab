"""Emit schema.org JSON-LD safely.

JSON-LD must sit in a <script type="application/ld+json"> element, where HTML
escaping would corrupt it; instead <, > and & are escaped as JSON unicode
escapes (as Django's json_script does), so no text can close the element.
"""

import json
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context: template.Context, data: dict[str, Any]) -> SafeString:
    """A JSON-LD script element for `data`, carrying the page's CSP nonce."""
    encoded = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    # encoded cannot contain <, > or &, so it is safe inside the element.
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        context.get("csp_nonce", ""),
        SafeString(encoded),
    )
