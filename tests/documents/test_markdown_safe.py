"""Markdown from the data can format text but never run, load or point anywhere unsafe."""

from __future__ import annotations

import re
import time

import pytest
from markupsafe import Markup

from scorecard.documents.markdown_safe import ALLOWED_TAGS, render_markdown


def tags_in(html: str) -> set[str]:
    return {m.lower() for m in re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", html)}


def hrefs_in(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_ordinary_markdown_renders() -> None:
    html = render_markdown("Acme **met** _most_ targets.\n\n- one\n- two\n\n`code`")
    assert isinstance(html, Markup)
    assert "<strong>met</strong>" in html
    assert "<em>most</em>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<code>code</code>" in html


def test_empty_text_is_empty_markup() -> None:
    assert render_markdown("") == Markup("")
    assert render_markdown("   \n") == Markup("")


def test_web_and_mail_links_are_kept_with_rel() -> None:
    html = render_markdown("[site](https://example.com/a?b=1&c=2) and <mailto:desk@example.com>")
    assert hrefs_in(html) == ["https://example.com/a?b=1&amp;c=2", "mailto:desk@example.com"]
    assert html.count('rel="noopener noreferrer"') == 2


def test_plain_text_special_characters_are_escaped() -> None:
    assert render_markdown("response < 30 & > 10") == Markup(
        "<p>response &lt; 30 &amp; &gt; 10</p>"
    )


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src='https://evil.example'></iframe>",
    "<object data='x.swf'></object>",
    "<link rel=stylesheet href='https://evil.example/x.css'>",
    "<style>body{display:none}</style>",
    '<a href="file:///etc/passwd">passwd</a>',
    '<p onclick="alert(1)" style="color:red">x</p>',
    "<svg onload=alert(1)>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_raw_html_is_shown_as_text_never_as_markup(text: str) -> None:
    html = render_markdown(text)
    assert tags_in(html) == {"p"}, html  # only the paragraph Markdown wraps it in
    # The words stay visible, escaped, so nothing disappears silently.
    assert "&lt;" in html


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](jav&#x61;script:alert(1))",
        "[x](jav&#97;script:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "[x](file:///etc/passwd)",
        "[x](../../etc/passwd)",
        "[x](//evil.example/x)",
        "[x](vbscript:msgbox)",
        "[x][1]\n\n[1]: javascript:alert(1)",
        "[x][evil]\n\n[evil]: file:///etc/passwd",
    ],
)
def test_unsafe_links_lose_their_target(text: str) -> None:
    html = render_markdown(text)
    assert hrefs_in(html) == [], html
    assert ">x</a>" in html  # the link text stays
    assert "href" not in html


def test_reference_link_to_the_web_is_kept() -> None:
    html = render_markdown("See [the policy][p].\n\n[p]: https://example.com/policy")
    assert hrefs_in(html) == ["https://example.com/policy"]


@pytest.mark.parametrize(
    "text",
    [
        "![passwd](file:///etc/passwd)",
        "![](http://127.0.0.1:8000/x.png)",
        "![a](data:image/png;base64,AA==)",
    ],
)
def test_images_never_survive(text: str) -> None:
    html = render_markdown(text)
    assert "img" not in tags_in(html)
    assert "src=" not in html
    assert "127.0.0.1" not in html and "/etc/passwd" not in html


def test_image_becomes_its_alt_text() -> None:
    assert render_markdown("before ![a chart](https://x.example/c.png) after") == Markup(
        "<p>before a chart after</p>"
    )


def test_headings_are_moved_below_the_documents_own() -> None:
    html = render_markdown("# One\n\n## Two\n\n#### Four\n\n###### Six")
    # h1 -> h3, h2 -> h4, h4 -> h6, h6 stays h6 (there is no h8)
    assert re.findall(r"<(h\d)>", html) == ["h3", "h4", "h6", "h6"]


def test_tables_render_without_style_attributes() -> None:
    html = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert {"table", "thead", "tbody", "tr", "th", "td"} <= tags_in(html)
    assert "style" not in html
    assert "align" not in html


def test_output_only_ever_uses_allowed_tags() -> None:
    text = "\n\n".join(
        [*HOSTILE, "# h", "> quote", "1. a\n2. b", "```\ncode\n```", "a  \nb", "---"]
    )
    assert tags_in(render_markdown(text)) <= ALLOWED_TAGS


def test_autoescape_keeps_rendered_markup() -> None:
    from jinja2 import Environment

    env = Environment(autoescape=True)
    env.filters["markdown"] = render_markdown
    out = env.from_string("{{ note | markdown }}").render(note="**b** <i>")
    assert out == "<p><strong>b</strong> &lt;i&gt;</p>"


# --- lists as GitHub and GitLab write them (CommonMark) ------------------------

@pytest.mark.parametrize(("text", "html"), [
    # a list straight after a paragraph (CommonMark example 304 and GitHub habit)
    ("We agreed:\n- weekly calls\n- a named engineer",
     "<p>We agreed:</p>\n<ul>\n<li>weekly calls</li>\n<li>a named engineer</li>\n</ul>"),
    ("Next steps:\n1. patch\n2. report",
     "<p>Next steps:</p>\n<ol>\n<li>patch</li>\n<li>report</li>\n</ol>"),
    # nested by two spaces under "- ", three under "1. " (the parent's text column)
    ("- a\n  - b\n    - c\n- d",
     "<ul>\n<li>a<ul>\n<li>b<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n</li>\n<li>d</li>\n</ul>"),
    ("1. one\n   - sub\n2. two",
     "<ol>\n<li>one<ul>\n<li>sub</li>\n</ul>\n</li>\n<li>two</li>\n</ol>"),
    # four spaces still nest, as before
    ("- a\n    - b", "<ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>"),
    # only a list starting at 1 interrupts a paragraph (example 304): a year stays text
    ("The contract ran until\n2026. Then we renewed.",
     "<p>The contract ran until\n2026. Then we renewed.</p>"),
    # an empty item does not interrupt a paragraph (example 285)
    ("foo\n*\nbar", "<p>foo\n*\nbar</p>"),
    # a rule is not a list
    ("Text\n\n* * *", "<p>Text</p>\n<hr>"),
    # a later paragraph of an item, then the next item
    ("- a\n\n  more\n- b",
     "<ul>\n<li>\n<p>a</p>\n<p>more</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>"),
    # a lazy line goes on the item's text (example 290)
    ("- a\ngoes on\n- b", "<ul>\n<li>a\ngoes on</li>\n<li>b</li>\n</ul>"),
    # the list ends at a paragraph after a blank line
    ("- a\n\nAfter.", "<ul>\n<li>a</li>\n</ul>\n<p>After.</p>"),
    # fenced code is left alone
    ("```\n- a\n  - b\n```", "<pre><code>- a\n  - b\n</code></pre>"),
])
def test_lists_render_as_github_renders_them(text: str, html: str) -> None:
    assert str(render_markdown(text)) == html
# --- no word lost, nothing internal leaks, linear time -----------------------------


def words(html: str) -> list[str]:
    """The words a reader sees: the text without tags, split on white space."""
    return re.sub(r"<[^>]*>", " ", html).split()


@pytest.mark.parametrize(("text", "shown"), [
    ("one ![a](x.png) two ![b](y.png) three", "one a two b three"),
    ("one ![a](x.png) two ![b](y.png) three ![c](z.png) four", "one a two b three c four"),
    ("![a](x.png)![b](y.png) tail", "ab tail"),
    ("*em* ![a](x.png) mid ![b](y.png) end ![c](z.png)", "em a mid b end c"),
    ("> ![q](x) r ![s](y) t", "q r s t"),
    ("- ![a](x) b ![c](y) d", "a b c d"),
    ("[![i](x) txt](https://a.example) and ![j](y) k", "i txt and j k"),
])
def test_images_in_a_paragraph_keep_every_word(text: str, shown: str) -> None:
    html = render_markdown(text)
    assert "img" not in tags_in(html)
    assert " ".join(words(html)) == shown


PLACEHOLDERS = ["\x02klzzwxh:0000\x03", "\x02wzxhzdk:0\x03", "\x02amp\x03", "\x02hzzhzkh:0\x03",
                "\x07 bell", "\x1b[31m red", "\x00", "\x85",
                "\ufdd0", "\ufdd1", "\ufdd2"]
CONTEXTS = ["{}", "a {} b", "`{}`", "[{}](https://a.example)", "![{}](x)", "# {}",
            "| a |\n|---|\n| {} |", "    {}", "*{}*", "![`{}`](x)", "<{}>", "&{};",
            "[x](https://a.example/{})", "[{}", "({}", "- {}\n  > {}"]


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("placeholder", PLACEHOLDERS)
def test_text_like_internal_placeholders_never_leaks_control_characters(
    placeholder: str, context: str
) -> None:
    html = render_markdown(context.format(placeholder, placeholder))
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef]", html), repr(html)


def test_brackets_that_cannot_close_show_as_written() -> None:
    assert render_markdown("[" * 5 + "a ( b") == Markup("<p>[[[[[a ( b</p>")
    assert render_markdown("x ] y [z") == Markup("<p>x ] y [z</p>")
    # links still work, with brackets and parentheses inside them
    html = render_markdown("see [the [full] report](https://a.example/r_(1)) [[[deep]]]")
    assert hrefs_in(html) == ["https://a.example/r_(1)"]
    assert " ".join(words(html)) == "see the [full] report [[[deep]]]"


def test_nesting_too_deep_keeps_its_words() -> None:
    for text in ("- " * 3000 + "last words", ">" * 3000 + " last words",
                 "1. " * 3000 + "last words"):
        html = render_markdown(text)
        assert words(html)[-2:] == ["last", "words"], text[:10]
        assert html.count("<li>") + html.count("<blockquote>") <= 16
        # and the next text renders as ever (a parser left half-way would lose its <p>)
        assert render_markdown("*hi*") == Markup("<p><em>hi</em></p>")


def _seconds(text: str) -> float:
    """The fastest of five renders of ``text``, in seconds (after one to warm up)."""
    render_markdown(text)
    times = []
    for _ in range(5):
        start = time.process_time()
        render_markdown(text)
        times.append(time.process_time() - start)
    return max(min(times), 0.001)  # below a millisecond, a timer measures noise


HOSTILE_GROWTH = {
    "open brackets": "[",
    "image starts": "![",
    "nested brackets": "[[]]",
    "link starts": "[a](",
    "open targets": "[a](x' ",
    "references": "[a][b",
    "open parentheses": "(",
    "quotes": "> ",
    "words": "word ",
}


@pytest.mark.parametrize("unit", HOSTILE_GROWTH.values(), ids=HOSTILE_GROWTH.keys())
def test_free_text_renders_in_time_linear_in_its_length(unit: str) -> None:
    """Eight times the text takes about eight times as long, not sixty-four (the
    square: 10,000 '[' took 30 s). Up to 16,000 characters, inside validate's 20,000.
    Times are this process's CPU time (``process_time``), which other processes on a
    shared machine disturb far less than the wall clock. The bound, 40, sits well
    above linear (8) so that noise does not fail it, and well below the square (64),
    which it exists to catch."""
    small = unit * (2000 // len(unit))
    large = unit * (16000 // len(unit))
    ratio = _seconds(large) / _seconds(small)
    assert ratio < 40, f"{ratio:.1f} times as long for 8 times the text"
