"""Read a page as a browser would: the elements and attributes, not substrings of the markup."""

from html.parser import HTMLParser


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(content: str, tag: str, **attributes: str) -> list[dict[str, str | None]]:
    """The attributes of every `tag` element whose attributes include those given."""
    parser = _Elements()
    parser.feed(content)
    return [
        attrs
        for name, attrs in parser.elements
        if name == tag and all(attrs.get(key) == value for key, value in attributes.items())
    ]


def checked_values(content: str, name: str) -> set[str]:
    """The values of the radio buttons and check boxes named `name` that are checked."""
    return {
        attrs["value"]
        for attrs in elements(content, "input", name=name)
        if "checked" in attrs and attrs.get("value") is not None
    }


def links(content: str) -> list[str]:
    return [attrs["href"] for attrs in elements(content, "a") if attrs.get("href")]
