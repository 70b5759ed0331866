"""RSS and Atom: a document per item; entity tricks refused before any parsing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.records import Document
from pactwatch.sources import Rejection, read
from pactwatch.sources.feed import html_to_text

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Allied Desk</title>
<item><title>Canberra buys more Mogami</title><link>https://desk.example/1</link>
<pubDate>Tue, 05 Aug 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Australia chose an upgraded Mogami frigate design from Japan.&lt;/p&gt;
&lt;p&gt;Talks go on.&lt;/p&gt;</description></item>
<item><title>Seoul and Warsaw</title><link>https://desk.example/2</link>
<pubDate>Wed, 27 Jul 2022 10:00:00 GMT</pubDate>
<description>Poland signed for 180 K2 tanks from South Korea.</description></item>
<item><title>Empty one</title><link>https://desk.example/3</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry releases</title>
<entry><title>Joint statement</title><link href="https://mod.example/js"/>
<updated>2023-07-14T12:00:00Z</updated><summary>A short summary.</summary>
<content type="html">&lt;p&gt;India and France adopted a defence industrial roadmap
in Paris.&lt;/p&gt;</content>
</entry></feed>"""

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0"><channel><title>&c;</title><item><description>&c;</description></item>
</channel></rss>"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><description>&secret;</description></item>
</channel></rss>"""


def test_an_rss_feed_gives_a_document_per_item(tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(RSS)
    first, second, empty = list(read(path))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (
        first.text
        == "Australia chose an upgraded Mogami frigate design from Japan.\n\nTalks go on."
    )
    assert (first.url, first.title, first.source, first.published) == (
        "https://desk.example/1",
        "Canberra buys more Mogami",
        "Allied Desk",
        "2025-08-05",
    )
    assert second.meta["origin"] == f"{path}[1]" and second.published == "2022-07-27"
    assert empty == Rejection(f"{path}[2]", "feed item has neither content nor summary")


def test_atom_content_is_preferred_to_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "releases.xml"
    path.write_text(ATOM)
    (doc,) = list(read(path))
    assert isinstance(doc, Document)
    assert doc.text == "India and France adopted a defence industrial roadmap in Paris."
    assert (doc.url, doc.published) == ("https://mod.example/js", "2023-07-14")


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        (LAUGHS, "XML entity expansion refused"),
        (EXTERNAL, "XML external entity refused"),
        (EXTERNAL.replace("</rss>", ""), "XML external entity refused"),
    ],
)
def test_entity_tricks_are_refused(tmp_path: Path, xml: str, reason: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(xml)
    assert list(read(path)) == [Rejection(str(path), reason)]


TOKENS = [*"ab <>/&;!-?[]p", "<p>", "</p>", "<br>", "&amp;", "<!--", "-->"]


@given(st.lists(st.sampled_from(TOKENS)).map("".join))
def test_any_item_markup_becomes_text_without_tags_or_an_exception(fragment: str) -> None:
    text = html_to_text(fragment)
    assert "<p>" not in text and "<br>" not in text
