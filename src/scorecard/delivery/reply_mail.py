"""A provider's reply from a saved ``.eml``: who sent it, read strictly, and its
own words, kept wherever they stand.

- **The sender.** Exactly one ``From`` header holding exactly one address,
  without defects, and a shown name that does not itself look like an address
  (``m.hoekstra@castellan-ms.example <evil@attacker.example>`` is refused: a
  reader sees one address and the mail came from the other).
- **The words.** Quoted lines (``>``) are left out wherever they stand, so a
  provider who answers below each quoted point keeps every answer; the line that
  introduces a quote (``On ... wrote:``) goes with it. A quoted original below
  ``-----Original Message-----`` or an Outlook header block (``From:`` then
  ``Sent:``), and a signature below ``-- ``, end the words. Every line left out
  is counted, with the reason, for the lead to read.
- **Hostile structure.** Parts nested deeper than :data:`MAX_DEPTH`, a charset
  no one knows, or a message the parser cannot read are errors, not tracebacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser

__all__ = ["MAX_DEPTH", "Body", "MailError", "own_words", "plain_text", "sender"]

MAX_DEPTH = 20
_ATTRIBUTION = re.compile(r"^(On |Le |Am |Op ).{0,300}(wrote|écrit|schrieb|geschreven)\s*:\s*$")
_OPENS = re.compile(r"^(On |Le |Am |Op )")  # an attribution mail programs wrap over two lines
_CLOSES = re.compile(r"(wrote|écrit|schrieb|geschreven)\s*:\s*$")
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(Original Message|Forwarded message)\s*-{2,}\s*$", re.I)
_OUTLOOK_NEXT = re.compile(r"^(Sent|Date|To|Subject):\s", re.I)
_SIGNATURE = ("-- ", "--")


_TOO_DEEP = (f"the e-mail nests its parts too deep (more than {MAX_DEPTH}); save its words "
             "as a text file and give that file instead")


class MailError(Exception):
    """Why the e-mail cannot be read, in words for the lead."""


def parse(data: bytes) -> EmailMessage:
    try:
        msg = BytesParser(policy=policy.default).parsebytes(data)
    except RecursionError:
        raise MailError(_TOO_DEEP) from None
    except Exception as exc:  # the parser fails in many ways on hostile bytes
        raise MailError(f"the e-mail cannot be read ({type(exc).__name__})") from None
    if not isinstance(msg, EmailMessage):  # pragma: no cover - policy.default makes these
        raise MailError("the e-mail cannot be read")
    return msg


def sender(msg: EmailMessage) -> str:
    """The one address the e-mail is from, read strictly."""
    values = msg.get_all("From") or []
    if len(values) != 1:
        raise MailError("the e-mail does not say who sent it (it needs exactly one From "
                        f"header, and has {len(values)})")
    try:
        header = values[0]
        addresses = list(getattr(header, "addresses", ()))
        defects = list(getattr(header, "defects", ()))
    except Exception:  # a header the registry cannot parse
        raise MailError("the e-mail's From header cannot be read") from None
    raw = next((str(v) for k, v in msg.raw_items() if k.lower() == "from"), "")
    if defects or len(addresses) != 1 or not addresses[0].username or not addresses[0].domain:
        raise MailError(f"the e-mail's From header is not one plain address "
                        f"({_shown(raw)}); its words are not written")
    address = addresses[0]
    if "@" in address.display_name:
        raise MailError(f"the e-mail's From header shows '{_shown(address.display_name)}' "
                        f"but is from {address.addr_spec}; its words are not written")
    return str(address.addr_spec)


def _shown(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 80 else flat[:77] + "..."


def _parts(msg: Message, depth: int = 0) -> Iterator[Message]:
    if depth > MAX_DEPTH:
        raise MailError(_TOO_DEEP)
    if msg.is_multipart():
        payload = msg.get_payload()
        for part in payload if isinstance(payload, list) else ():
            if isinstance(part, Message) and part.get_content_disposition() != "attachment":
                yield from _parts(part, depth + 1)
    else:
        yield msg


def plain_text(msg: EmailMessage) -> str:
    """The first plain-text part that is not an attachment."""
    for part in _parts(msg):
        if part.get_content_type() != "text/plain":
            continue
        charset = part.get_content_charset() or "us-ascii"
        raw = part.get_payload(decode=True)
        if not isinstance(raw, bytes):
            continue
        try:
            return raw.decode(charset)
        except LookupError:
            raise MailError(f"the e-mail's text is in a character set no one knows "
                            f"({_shown(charset)}); save its words as UTF-8 text and give "
                            "that file instead") from None
        except UnicodeDecodeError:
            raise MailError(f"the e-mail's text is not valid {_shown(charset)}; save its "
                            "words as UTF-8 text and give that file instead") from None
    raise MailError("the e-mail has no plain-text part; copy its words into a text file "
                    "and give that file instead")


@dataclass(frozen=True)
class Body:
    text: str
    left_out: tuple[str, ...]  # "12 quoted lines (starting with >)", ...


def _outlook_block(lines: list[str], i: int) -> bool:
    """``From: ...`` followed by the other headers of a quoted original."""
    if not lines[i].startswith("From: "):
        return False
    following = [x for x in lines[i + 1:i + 4] if x.strip()]
    return len(following) >= 2 and all(_OUTLOOK_NEXT.match(x) for x in following[:2])


def _end(lines: list[str]) -> tuple[int, str | None]:
    """Where the provider's words end, and why (None: at the end)."""
    for i, line in enumerate(lines):
        if _ORIGINAL.match(line) or _outlook_block(lines, i):
            return i, "of the quoted original message below its header"
        if line in _SIGNATURE and i > 0:
            return i, "of signature below '-- '"
    return len(lines), None


def _count(n: int, what: str) -> str:
    return f"{n} line{'s' if n != 1 else ''} {what}"


def _introduces_quote(lines: list[str], i: int) -> bool:
    return any(x.startswith(">") for x in lines[i + 1:i + 3])


def own_words(body: str) -> Body:
    """The provider's words: every line but quotes, attributions, the original and
    the signature, with what was left out."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    end, why = _end(lines)
    kept: list[str] = []
    quoted = attributions = 0
    for i, line in enumerate(lines[:end]):
        if line.startswith(">"):
            quoted += 1
        elif _introduces_quote(lines, i) and (_ATTRIBUTION.match(line) or _CLOSES.search(line)):
            if not _ATTRIBUTION.match(line) and kept and _OPENS.match(kept[-1]):
                kept.pop()  # its first half, wrapped onto the line before
                attributions += 1
            attributions += 1
        elif not (line.strip() == "" and kept and kept[-1].strip() == ""):
            kept.append(line)
    left_out = []
    if quoted:
        left_out.append(_count(quoted, "quoted (starting with >)"))
    if attributions:
        left_out.append(_count(attributions, "introducing a quote ('... wrote:')"))
    tail = sum(1 for x in lines[end:] if x.strip())
    if why is not None and tail:
        left_out.append(_count(tail, why))
    return Body("\n".join(kept), tuple(left_out))
