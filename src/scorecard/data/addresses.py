"""E-mail addresses as people write them in the data: ``Name <a@b>`` or ``a@b``.

Parsed with the standard library's RFC 5322 parser (``email.headerregistry``);
anything it cannot read as exactly one mailbox is refused with a plain reason.
Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.headerregistry import Address, HeaderRegistry

__all__ = ["Mailbox", "domain_ok", "in_domains", "parse_mailbox"]

_REGISTRY = HeaderRegistry()
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Mailbox:
    """One parsed address: the name shown (may be empty) and the address itself."""

    name: str
    address: str  # local@domain as written

    @property
    def domain(self) -> str:
        return self.address.rsplit("@", 1)[1].lower()

    @property
    def key(self) -> str:
        """The address compared without regard to case: the sent log's recipient."""
        return self.address.lower()

    def formatted(self) -> str:
        """As a header shows it: ``Dana Cole <dana@acme.example>``."""
        return str(Address(display_name=self.name, addr_spec=self.address))


def parse_mailbox(text: str) -> tuple[Mailbox | None, str | None]:
    """``(mailbox, None)`` for one good address, or ``(None, why not)``."""
    if not isinstance(text, str) or not text.strip():
        return None, "an address is empty"
    if any(c in text for c in "\r\n\0"):
        return None, "an address must be on one line"
    try:
        header = _REGISTRY("to", text.strip())
        addresses = header.addresses  # type: ignore[attr-defined]
        defects = header.defects
    except Exception:  # the parser can fail in many ways on bad input
        return None, f"'{text}' is not an e-mail address"
    if len(addresses) != 1:
        if not addresses:
            return None, f"'{text}' is not an e-mail address"
        return None, f"'{text}' holds {len(addresses)} addresses; write one per line of a list"
    address = addresses[0]
    spec = address.addr_spec
    if defects or not address.username or not address.domain or "@" not in spec:
        return None, f"'{text}' is not an e-mail address"
    if not domain_ok(address.domain):
        return None, f"'{address.domain}' in '{text}' is not a domain name"
    too_long = _too_long(address.username, address.domain, spec)
    if too_long is not None:
        return None, f"'{_short(spec)}' is too long for e-mail: {too_long}"
    return Mailbox(address.display_name, spec), None


# RFC 5321, 4.5.3.1: the longest local part, domain and path (<address>) servers must take
LOCAL_MAX, DOMAIN_MAX, PATH_MAX = 64, 255, 256


def _too_long(local: str, domain: str, spec: str) -> str | None:
    octets = [len(x.encode("utf-8")) for x in (local, domain, spec)]
    if octets[0] > LOCAL_MAX:
        return f"the part before @ has {octets[0]} characters, and mail servers take {LOCAL_MAX}"
    if octets[1] > DOMAIN_MAX:
        return f"the domain has {octets[1]} characters, and mail servers take {DOMAIN_MAX}"
    if octets[2] + 2 > PATH_MAX:
        return f"the address has {octets[2]} characters, and mail servers take {PATH_MAX - 2}"
    return None


def _short(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}...{text[-17:]}"


def domain_ok(domain: str) -> bool:
    """A domain name such as ``northwind.example`` (letters, digits, -, at least one dot)."""
    return bool(_DOMAIN_RE.match(domain.lower()))


def in_domains(mailbox: Mailbox, domains: tuple[str, ...]) -> bool:
    """Whether the address's domain is one of ``domains`` (exactly; no subdomains)."""
    return mailbox.domain in {d.lower() for d in domains}
