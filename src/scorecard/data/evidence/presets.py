"""The column names of the usual ticket-tool exports (``preset:`` in a source).

Each preset maps scorecard's fields to the names the tool's documentation gives
its fields; README "Source files" says where each comes from. A source's own
``columns`` override any of them.
"""

from __future__ import annotations

from collections.abc import Mapping

PRESETS: Mapping[str, Mapping[str, Mapping[str, str]]] = {
    # ServiceNow incident table (task/incident dictionary field names, as in a list
    # export or the Table API): number, opened_at, resolved_at, priority ("1 - Critical")
    "servicenow": {"tickets": {
        "id": "number", "opened": "opened_at", "resolved": "resolved_at",
        "priority": "priority", "service": "business_service",
    }},
    # Jira Service Management, Data Pipeline issues export (issues_job*.csv): key,
    # created_date and resolution_date (UTC ISO strings), priority
    "jira": {"tickets": {
        "id": "key", "opened": "created_date", "resolved": "resolution_date",
        "priority": "priority",
    }},
    # Zendesk Support, tickets and ticket metrics (Incremental Export API and the
    # full export): id, created_at, solved_at, priority (urgent/high/normal/low)
    "zendesk": {"tickets": {
        "id": "id", "opened": "created_at", "resolved": "solved_at", "priority": "priority",
    }},
    # Freshservice API v2 tickets with include=stats: id, created_at, priority (1-4),
    # stats.first_responded_at, stats.resolved_at
    "freshservice": {"tickets": {
        "id": "id", "opened": "created_at", "responded": "first_responded_at",
        "resolved": "resolved_at", "priority": "priority",
    }},
}
