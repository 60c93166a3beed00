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


def ids(content: str) -> list[str]:
    """Every id in the page, in order, repeated as often as it occurs."""
    parser = _Elements()
    parser.feed(content)
    return [attrs["id"] for _, attrs in parser.elements if attrs.get("id") is not None]


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _Text(HTMLParser):
    """The text of the element with a given id, its descendants' included."""

    def __init__(self, element_id: str):
        super().__init__(convert_charrefs=True)
        self.element_id, self.depth, self.parts = element_id, 0, []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        if self.depth or dict(attrs).get("id") == self.element_id:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag not in _VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def text_of(content: str, element_id: str) -> str:
    """The text of the element with this id, spaces collapsed ('' when there is none)."""
    parser = _Text(element_id)
    parser.feed(content)
    return " ".join("".join(parser.parts).split())
