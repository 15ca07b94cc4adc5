"""A currency: an ISO 4217 code in capitals (format.md v1.2, "Adoption, plausible
values, currencies"). ``eur`` beside ``EUR`` would split spend into two
currencies, so a code in the wrong case is an error at its line, with the code
meant ("did you mean EUR?")."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from scorecard.data.schema.fields import Checker, Spec, found
from scorecard.data.yaml.document import INVALID

__all__ = ["CODES", "Currency"]

# The ISO 4217 codes of currencies and funds in use (list one, 2025), and those
# withdrawn since 2023 that contracts still name; not the codes of precious
# metals, bond units, testing or "no currency" (XAU, XBA, XTS, XXX ...).
_LIST = """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP
DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS
INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD
MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR
PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS
SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW
UZS VED VES VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW ZWG ZWL
"""
CODES = frozenset(_LIST.split())


def _meant(value: str) -> str | None:
    upper = value.strip().upper()
    if upper in CODES:
        return upper
    close = difflib.get_close_matches(upper, sorted(CODES), n=1, cutoff=0.6)
    return close[0] if close else None


@dataclass(frozen=True)
class Currency(Spec):
    wants_text = True

    def expect(self) -> str:
        return "an ISO 4217 currency code in capitals, such as EUR, GBP or USD"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, str):
            return ctx.wrong(path, self, value)
        if value in CODES:
            return value
        meant = _meant(value)
        ctx.error(path, f"expected {self.expect()}, found {found(value)}",
                  f"did you mean {meant}?" if meant else
                  "Use the three capital letters of ISO 4217 (EUR, GBP, USD, CHF ...).")
        return INVALID

    def json(self) -> dict[str, Any]:
        return {"type": "string", "enum": sorted(CODES)}
