"""The database's own guard of the books (see models.py): balance on posting, posted lines frozen,
closed months locked. The same rules in SQLite and PostgreSQL triggers; `install` (re)creates them
and is run by migrations. A migration that rebuilds one of these tables on SQLite (Django's
table remake drops its triggers) must run `install` again: tests/test_database_guard.py checks
that the guards are there."""

from __future__ import annotations

from typing import Any

# Error messages begin with this, so a service can tell the guard's refusal from other errors.
PREFIX = "finance:"

POSTGRESQL = f"""
CREATE OR REPLACE FUNCTION finance_locked(fund bigint, day date) RETURNS boolean AS $$
    -- FOR SHARE: a monthly close (an update of the row) waits for this write, and the other way round.
    SELECT COALESCE(
        (SELECT day <= locked_through FROM finance_fundbooks WHERE fund_id = fund FOR SHARE), false
    )
$$ LANGUAGE sql VOLATILE;

CREATE OR REPLACE FUNCTION finance_entry_guard() RETURNS trigger AS $$
DECLARE
    n integer;
    unbalanced boolean;
BEGIN
    IF TG_OP <> 'INSERT' AND finance_locked(OLD.fund_id, OLD.date) THEN
        RAISE EXCEPTION '{PREFIX} entry % is dated in a closed month', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP <> 'DELETE' AND finance_locked(NEW.fund_id, NEW.date) THEN
        RAISE EXCEPTION '{PREFIX} % is in a closed month', NEW.date USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' AND NEW.posted THEN
        RAISE EXCEPTION '{PREFIX} an entry is posted after its lines are written'
            USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.posted THEN
            RAISE EXCEPTION '{PREFIX} posted entry % cannot be deleted', OLD.id
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.posted AND NEW.posted
            AND (NEW.fund_id, NEW.date) IS DISTINCT FROM (OLD.fund_id, OLD.date) THEN
        RAISE EXCEPTION '{PREFIX} posted entry % cannot be moved', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.posted AND NOT OLD.posted THEN
        SELECT count(*), coalesce(sum(debit), 0) <> coalesce(sum(credit), 0) INTO n, unbalanced
            FROM finance_journalline WHERE entry_id = NEW.id;
        IF n = 0 OR unbalanced THEN
            RAISE EXCEPTION '{PREFIX} entry % does not balance', NEW.id USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION finance_line_guard() RETURNS trigger AS $$
DECLARE
    e record;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        -- FOR SHARE: posting the entry (an update of its row) waits for this line, so it sums it.
        SELECT posted, fund_id, date INTO e FROM finance_journalentry WHERE id = OLD.entry_id FOR SHARE;
        IF e.posted OR finance_locked(e.fund_id, e.date) THEN
            RAISE EXCEPTION '{PREFIX} lines of entry % cannot change', OLD.entry_id
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT posted, fund_id, date INTO e FROM finance_journalentry WHERE id = NEW.entry_id FOR SHARE;
    IF e.posted OR finance_locked(e.fund_id, e.date) THEN
        RAISE EXCEPTION '{PREFIX} lines of entry % cannot change', NEW.entry_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF (SELECT fund_id FROM finance_account WHERE id = NEW.account_id) <> e.fund_id THEN
        RAISE EXCEPTION '{PREFIX} account % is of another fund', NEW.account_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS finance_entry_guard ON finance_journalentry;
CREATE TRIGGER finance_entry_guard BEFORE INSERT OR UPDATE OR DELETE ON finance_journalentry
    FOR EACH ROW EXECUTE FUNCTION finance_entry_guard();
DROP TRIGGER IF EXISTS finance_line_guard ON finance_journalline;
CREATE TRIGGER finance_line_guard BEFORE INSERT OR UPDATE OR DELETE ON finance_journalline
    FOR EACH ROW EXECUTE FUNCTION finance_line_guard();
"""


def _sqlite_locked(fund: str, day: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM finance_fundbooks b WHERE b.fund_id = {fund} AND {day} <= b.locked_through)"
    )


def _sqlite_line_frozen(entry: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM finance_journalentry e WHERE e.id = {entry} AND (e.posted OR "
        + _sqlite_locked("e.fund_id", "e.date")
        + "))"
    )


# SQLite keeps a decimal as a REAL or an INTEGER: sums are compared in whole satang.
_SATANG = "SUM(CAST(ROUND({col} * 100) AS INTEGER))"

SQLITE = [
    "DROP TRIGGER IF EXISTS finance_entry_insert",
    f"""CREATE TRIGGER finance_entry_insert BEFORE INSERT ON finance_journalentry BEGIN
        SELECT RAISE(ABORT, '{PREFIX} the date is in a closed month')
            WHERE {_sqlite_locked("NEW.fund_id", "NEW.date")};
        SELECT RAISE(ABORT, '{PREFIX} an entry is posted after its lines are written') WHERE NEW.posted;
    END""",
    "DROP TRIGGER IF EXISTS finance_entry_update",
    f"""CREATE TRIGGER finance_entry_update BEFORE UPDATE ON finance_journalentry BEGIN
        SELECT RAISE(ABORT, '{PREFIX} the entry is dated in a closed month')
            WHERE {_sqlite_locked("OLD.fund_id", "OLD.date")} OR {_sqlite_locked("NEW.fund_id", "NEW.date")};
        SELECT RAISE(ABORT, '{PREFIX} a posted entry cannot be moved')
            WHERE OLD.posted AND NEW.posted AND (NEW.fund_id IS NOT OLD.fund_id OR NEW.date IS NOT OLD.date);
        SELECT RAISE(ABORT, '{PREFIX} the entry does not balance')
            WHERE NEW.posted AND NOT OLD.posted AND (
                NOT EXISTS (SELECT 1 FROM finance_journalline WHERE entry_id = NEW.id)
                OR (SELECT {_SATANG.format(col="debit")} - {_SATANG.format(col="credit")}
                    FROM finance_journalline WHERE entry_id = NEW.id) <> 0);
    END""",
    "DROP TRIGGER IF EXISTS finance_entry_delete",
    f"""CREATE TRIGGER finance_entry_delete BEFORE DELETE ON finance_journalentry BEGIN
        SELECT RAISE(ABORT, '{PREFIX} the entry is dated in a closed month')
            WHERE {_sqlite_locked("OLD.fund_id", "OLD.date")};
        SELECT RAISE(ABORT, '{PREFIX} a posted entry cannot be deleted') WHERE OLD.posted;
    END""",
    "DROP TRIGGER IF EXISTS finance_line_insert",
    f"""CREATE TRIGGER finance_line_insert BEFORE INSERT ON finance_journalline BEGIN
        SELECT RAISE(ABORT, '{PREFIX} the lines of this entry cannot change')
            WHERE {_sqlite_line_frozen("NEW.entry_id")};
        SELECT RAISE(ABORT, '{PREFIX} the account is of another fund')
            WHERE (SELECT fund_id FROM finance_account WHERE id = NEW.account_id)
                IS NOT (SELECT fund_id FROM finance_journalentry WHERE id = NEW.entry_id);
    END""",
    "DROP TRIGGER IF EXISTS finance_line_update",
    f"""CREATE TRIGGER finance_line_update BEFORE UPDATE ON finance_journalline BEGIN
        SELECT RAISE(ABORT, '{PREFIX} the lines of this entry cannot change')
            WHERE {_sqlite_line_frozen("OLD.entry_id")} OR {_sqlite_line_frozen("NEW.entry_id")};
        SELECT RAISE(ABORT, '{PREFIX} the account is of another fund')
            WHERE (SELECT fund_id FROM finance_account WHERE id = NEW.account_id)
                IS NOT (SELECT fund_id FROM finance_journalentry WHERE id = NEW.entry_id);
    END""",
    "DROP TRIGGER IF EXISTS finance_line_delete",
    f"""CREATE TRIGGER finance_line_delete BEFORE DELETE ON finance_journalline BEGIN
        SELECT RAISE(ABORT, '{PREFIX} the lines of this entry cannot change')
            WHERE {_sqlite_line_frozen("OLD.entry_id")};
    END""",
]


def _statements(vendor: str, *, drop_only: bool = False) -> list[str]:
    if vendor == "postgresql":
        drops = [
            "DROP TRIGGER IF EXISTS finance_entry_guard ON finance_journalentry",
            "DROP TRIGGER IF EXISTS finance_line_guard ON finance_journalline",
        ]
        return drops if drop_only else [POSTGRESQL]
    if vendor == "sqlite":
        return [s for s in SQLITE if s.startswith("DROP")] if drop_only else SQLITE
    raise NotImplementedError(f"the books' guards are for SQLite and PostgreSQL, not {vendor}")


def _run(schema_editor: Any, statements: list[str]) -> None:
    # Through a cursor without parameters, so that the `%` of PL/pgSQL's RAISE is left alone.
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(apps: Any, schema_editor: Any) -> None:
    """(Re)create the guards: a RunPython step of the migrations."""
    _run(schema_editor, _statements(schema_editor.connection.vendor))


def uninstall(apps: Any, schema_editor: Any) -> None:
    _run(schema_editor, _statements(schema_editor.connection.vendor, drop_only=True))
