"""Search highlights as HTML: each matched segment in <mark>, every segment escaped."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def marked(segments: list[tuple[str, bool]]) -> SafeString:
    """(text, matched) pairs from sanctions.search.highlight, as escaped HTML.

    One filter call instead of a template loop per segment: search results
    are rendered on every keystroke, and the loop was most of their cost.
    """
    parts = (
        format_html("<mark>{}</mark>", text) if matched else conditional_escape(text) for text, matched in segments
    )
    return mark_safe("".join(parts))  # every part is escaped above
