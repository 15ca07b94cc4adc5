"""The rules about addresses: the programme's ``distribution`` block and each
provider's ``contact``. Addresses are RFC 5322 (``Name <a@b>`` or ``a@b``); one
that does not parse is an error at its line. A lead or evaluator with no
address in ``distribution.people`` is a warning: ``scorecard send`` cannot
reach them, but the data is sound.
"""

from __future__ import annotations

from collections.abc import Iterator

from scorecard.data.addresses import domain_ok, in_domains, parse_mailbox
from scorecard.data.model import Distribution, Located, YamlPath
from scorecard.data.problems import Problem
from scorecard.data.validation.drafts import Drafts, Rule, _error
from scorecard.data.yaml.document import field_name

_HINT = "Write it as Dana Cole <dana@acme.example> or dana@acme.example."


def _address_problem(owner: Located, path: YamlPath, text: str) -> Problem | None:
    _, why = parse_mailbox(text)
    if why is None:
        return None
    return _error(owner.where(*path), (*owner.path, *path), why, _HINT)


def _listed(values: tuple[str, ...], name: str, raw: object) -> list[tuple[YamlPath, str]]:
    """Each address with its path: ``(name,)`` for one text, ``(name, i)`` in a list."""
    if isinstance(raw, str):
        return [((name,), raw)]
    return [((name, i), v) for i, v in enumerate(values)]


def _distribution(d: Drafts) -> Distribution | None:
    return d.programme.distribution if d.programme is not None else None


def _raw_distribution(d: Drafts) -> dict[str, object]:
    doc = d.programme_doc
    value = doc.value.get("distribution") if doc is not None and isinstance(doc.value, dict) \
        else None
    return value if isinstance(value, dict) else {}


def distribution_addresses_parse(d: Drafts) -> Iterator[Problem]:
    dist = _distribution(d)
    if dist is None:
        return
    raw = _raw_distribution(d)
    found: list[tuple[YamlPath, str]] = []
    if dist.sender is not None:
        found.append((("from",), dist.sender))
    found += [(("people", name), addr) for name, addr in dist.people.items()]
    found += _listed(dist.executives, "executives", raw.get("executives"))
    for path, text in found:
        problem = _address_problem(dist, path, text)
        if problem is not None:
            yield problem


def internal_domains_are_domains(d: Drafts) -> Iterator[Problem]:
    dist = _distribution(d)
    if dist is None:
        return
    for i, domain in enumerate(dist.internal_domains):
        if not domain_ok(domain.strip()):
            yield _error(dist.where("internal_domains", i),
                         ("distribution", "internal_domains"),
                         f"'{domain}' is not a domain name",
                         "Write the part after the @ only, e.g. northwind.example.")


def people_are_internal(d: Drafts) -> Iterator[Problem]:
    """A warning for an address of ours outside the internal domains: team documents
    will never be sent to it."""
    dist = _distribution(d)
    if dist is None:
        return
    for name, text in dist.people.items():
        mailbox, _ = parse_mailbox(text)
        if mailbox is None or in_domains(mailbox, dist.internal_domains):
            continue
        yield Problem(
            dist.where("people", name), f"{mailbox.address} is not in internal_domains, "
            "so no internal document will be sent to it",
            field="distribution.people", hint="Use their address in one of our own domains, "
            "or add the domain to internal_domains if it is ours.", severity="warning")


def provider_domains_are_not_internal(d: Drafts) -> Iterator[Problem]:
    """A warning for an internal domain that is a provider contact's domain: team
    documents could reach the provider, so ``scorecard send`` refuses to send."""
    dist = _distribution(d)
    if dist is None:
        return
    internal = {x.strip().lower(): i for i, x in enumerate(dist.internal_domains)}
    for pf in d.providers:
        for text in pf.provider.contacts:
            mailbox, _ = parse_mailbox(text)
            if mailbox is None or mailbox.domain not in internal:
                continue
            yield Problem(
                dist.where("internal_domains", internal[mailbox.domain]),
                f"{mailbox.domain} is the domain of {pf.provider.name}'s contact "
                f"{mailbox.address}; internal documents could reach the provider, so "
                "scorecard send will send nothing", field="distribution.internal_domains",
                hint="List only our own domains here.", severity="warning")


def contacts_parse(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        p = pf.provider
        raw = pf.doc.value.get("contact") if isinstance(pf.doc.value, dict) else None
        for path, text in _listed(p.contacts, "contact", raw):
            problem = _address_problem(p, path, text)
            if problem is not None:
                yield problem


def people_have_addresses(d: Drafts) -> Iterator[Problem]:
    """A warning for each lead or evaluator (first mention per file) with no address."""
    dist = _distribution(d)
    if dist is None:
        return
    for rf in d.records:
        names: list[tuple[YamlPath, str]] = []
        lead = rf.text("lead")
        if lead:
            names.append((("lead",), lead))
        names += [(("evaluators", i), n) for i, n in enumerate(rf.evaluators or ())]
        seen: set[str] = set()
        for path, name in names:
            if name in dist.people or name in seen:
                continue
            seen.add(name)
            yield Problem(
                rf.doc.at(path), f"{name} has no address in distribution.people, so "
                "scorecard send cannot send them the team scorecard",
                field=field_name(path), hint=f"Add a line under people in scorecard.yaml: "
                f"'{name}: their address'.", severity="warning")


RULES: tuple[Rule, ...] = (
    distribution_addresses_parse,
    internal_domains_are_domains,
    people_are_internal,
    provider_domains_are_not_internal,
    contacts_parse,
    people_have_addresses,
)
