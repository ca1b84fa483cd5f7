"""Reads of the search index: Thai full-text search with filters, ranking and snippets; similar
projects from other areas; completed projects by issue.

The query is segmented like the documents were, then matched with FTS5 (SQLite) or the
'simple' full-text configuration (PostgreSQL); on PostgreSQL a title with a typo is still found
through trigram word similarity when full text finds nothing (pg_trgm on PostgreSQL, an FTS5
trigram table on SQLite).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

import django_filters
from django.db import connection
from django.db.models import Case, Count, F, Prefetch, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kongtun.accounts.permissions import Action, AnyUser, fund_scope, is_admin
from kongtun.core.choices import ConfigChoiceFilter
from kongtun.followups.models import ActivityReport
from kongtun.funds.models import Fund
from kongtun.funds.selectors import ALL
from kongtun.programme.models import Issue, TargetGroup
from kongtun.projects.models import Project, Status
from kongtun.projects.selectors import WhereWhenFilter
from kongtun.search.models import Kind, SearchDocument
from kongtun.search.text import key_words, query_words, snippet, trigrams, word_similarity

CANDIDATES = 200  # the newest matches that are ranked by relevance
COUNT_CAP = 500  # results are counted up to this number
# pg_trgm's default word_similarity_threshold, applied to the embedded default's titles alike.
TYPO_THRESHOLD = 0.6
TYPO_POOL = 2000  # titles sharing the most trigrams with the query that are scored on SQLite


def visible_documents(user: AnyUser) -> QuerySet[SearchDocument]:
    """Public documents (approved projects and their reports, plans) for everyone; drafts only for
    those who may VIEW the fund."""
    docs = SearchDocument.objects.select_related("fund")
    if is_admin(user):
        return docs
    q = Q(is_public=True)
    if getattr(user, "is_authenticated", False):
        # Those who work with the fund, and the proposer of the project, see its drafts.
        own = Project.objects.filter(proposer_id=user.pk).values("pk")
        q |= fund_scope(user, Action.VIEW, prefix="fund__") | Q(project_id__in=own)
    return docs.filter(q)


class SearchFilter(WhereWhenFilter):
    """Filters of the search page and API: kind, area, issue, year, status, support type, target group."""

    q = django_filters.CharFilter(label=_("Words to find"), method="filter_nothing")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Kind.choices, empty_label=ALL)
    issue = ConfigChoiceFilter(
        label=_("Issue"), queryset=Issue.objects.all(), method="filter_issue", empty_label=ALL
    )
    target_group = ConfigChoiceFilter(
        label=_("Target group"), queryset=TargetGroup.objects.all(), empty_label=ALL
    )

    class Meta:
        model = SearchDocument
        fields = ["q", "kind", "region", "province", "district", "fund", "year", "issue", "status"]

    def filter_nothing(
        self, queryset: QuerySet[SearchDocument], name: str, value: str
    ) -> QuerySet[SearchDocument]:
        return queryset  # the words are matched by `search_documents`, with ranking

    def filter_issue(
        self, queryset: QuerySet[SearchDocument], name: str, value: Issue
    ) -> QuerySet[SearchDocument]:
        links = SearchDocument.issues.through.objects.filter(issue=value).values("searchdocument_id")
        return queryset.filter(pk__in=links)


def _fts5_query(words: list[str], *, any_word: bool) -> str:
    return (" OR " if any_word else " ").join(f'"{w}"' for w in words)


def matching(
    queryset: QuerySet[SearchDocument], words: list[str], *, any_word: bool = False
) -> QuerySet[SearchDocument]:
    """Documents whose segmented text holds all (or any) of the words, unordered."""
    if connection.vendor == "postgresql":
        return queryset.filter(search_vector=_pg_query(words, any_word=any_word))
    expression = _fts5_query(words, any_word=any_word)
    return queryset.filter(
        pk__in=RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression])
    )


def _pg_query(words: list[str], *, any_word: bool) -> Any:
    from django.contrib.postgres.search import SearchQuery

    parts = [SearchQuery(w, config="simple", search_type="plain") for w in words]
    return reduce(operator.or_ if any_word else operator.and_, parts)


def _ranked(
    queryset: QuerySet[SearchDocument], words: list[str], *, any_word: bool
) -> QuerySet[SearchDocument]:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchRank

        # Normalised by the document's length (1 + log of it), like bm25 on SQLite: a project ranks
        # above its activity reports, whose text repeats the project's title among other words.
        rank: Any = SearchRank(F("search_vector"), _pg_query(words, any_word=any_word), normalization=1)
    else:
        rank = RawSQL(
            "SELECT -bm25(search_fts) FROM search_fts WHERE search_fts MATCH %s"
            " AND search_fts.rowid = search_searchdocument.id",
            [_fts5_query(words, any_word=any_word)],
        )
    return queryset.annotate(rank=rank).order_by("-rank", "-fiscal_year", "-pk")


def match(
    queryset: QuerySet[SearchDocument],
    words: list[str],
    *,
    any_word: bool = False,
    candidates: int | None = None,
) -> QuerySet[SearchDocument]:
    """Matching documents, best first. With `candidates`, only the newest that many matches are
    ranked: a common word matches tens of thousands of documents, and ranking them all would take
    far longer than a search may."""
    if not words:
        return queryset.order_by("-fiscal_year", "-pk")
    hits = matching(queryset, words, any_word=any_word)
    if candidates:
        newest = hits.order_by("-pk").values("pk")[:candidates]
        hits = SearchDocument.objects.select_related("fund").filter(pk__in=newest)
    return _ranked(hits, words, any_word=any_word)


def _typo_match(queryset: QuerySet[SearchDocument], query: str) -> tuple[QuerySet[SearchDocument], int]:
    """Titles close to the query, and how many (counted up to the cap): pg_trgm word similarity on
    PostgreSQL, the same measure over an FTS5 trigram table on SQLite."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramWordSimilarity

        # Thai trigrams are costly to compare: rank the first matches the index finds, not all.
        first = list(
            queryset.filter(title__trigram_word_similar=query).values_list("pk", flat=True)[:CANDIDATES]
        )
        similar: QuerySet[SearchDocument] = (
            SearchDocument.objects.select_related("fund")
            .filter(pk__in=first)
            .annotate(rank=TrigramWordSimilarity(query, "title"))
            .order_by("-rank", "-pk")
        )
        return similar, len(first)
    return _sqlite_typo_match(queryset, query)


def _sqlite_typo_match(
    queryset: QuerySet[SearchDocument], query: str
) -> tuple[QuerySet[SearchDocument], int]:
    """The titles that share most trigrams with the query (FTS5 trigram table, migration 0004),
    scored in Python like pg_trgm's word similarity and kept above the same threshold."""
    pieces = sorted(trigrams(query))
    if not pieces:
        return queryset.none(), 0
    expression = " OR ".join('"{}"'.format(p.replace('"', '""')) for p in pieces)
    pool = RawSQL(
        "SELECT rowid FROM search_title_trgm WHERE search_title_trgm MATCH %s"
        " ORDER BY bm25(search_title_trgm) LIMIT %s",
        [expression, TYPO_POOL],
    )
    scored = [
        (score, pk)
        for pk, title in queryset.filter(pk__in=pool).values_list("pk", "title")
        if (score := word_similarity(query, title)) >= TYPO_THRESHOLD
    ]
    best = [pk for _score, pk in sorted(scored, reverse=True)[:CANDIDATES]]
    order = Case(*(When(pk=pk, then=Value(i)) for i, pk in enumerate(best)), default=Value(len(best)))
    similar = SearchDocument.objects.select_related("fund").filter(pk__in=best).order_by(order)
    return similar, min(len(scored), COUNT_CAP + 1)


@dataclass
class Hit:
    doc: SearchDocument
    title: SafeString
    snippet: SafeString


@dataclass
class Results:
    query: str
    words: list[str]
    hits: list[Hit]
    total: int
    fuzzy: bool = False
    more: bool = False  # more than `total` documents match
    funds: list[Fund] = field(default_factory=list)  # funds whose code is the query (L35689)


_FUND_CODE = re.compile(r"[A-Za-z]\d{4,6}")


def funds_by_code(query: str) -> list[Fund]:
    """The fund whose code was typed, so that a search for its code finds the fund itself."""
    code = query.strip()
    if not _FUND_CODE.fullmatch(code):
        return []
    return list(Fund.objects.select_related("district__province").filter(code__iexact=code)[:1])


def search_documents(
    *, user: AnyUser, query: str, filters: dict[str, Any] | None = None, limit: int = 20, offset: int = 0
) -> Results:
    """The page of ranked results for `query` under the filters, with highlighted snippets."""
    filterset = SearchFilter(filters or None, queryset=visible_documents(user))
    base = filterset.qs if filterset.is_valid() else visible_documents(user)
    words = query_words(query)
    # Words typed apart (ถอดบทเรียน พชอ) find what each of them finds, the documents with more of
    # them ranked first; one typed word that segments into several (บุหรี่ไฟฟ้า) needs all its parts.
    any_word = len(query.split()) > 1
    found = match(base, words, any_word=any_word, candidates=CANDIDATES)
    fuzzy = False
    # Counted up to a cap: "more than 500" is all a reader needs, and counting 20,000 is slow.
    total = (matching(base, words, any_word=any_word) if words else base)[: COUNT_CAP + 1].count()
    marked = words
    if total == 0 and query.strip():
        (found, total), fuzzy = _typo_match(base, query), True
        # Mark what was typed, not its pieces: ผู้สูงอาย cut into ผู้ · สูง · อาย marks สูง anywhere.
        marked = [query.strip()]
    docs = list(found[offset : offset + limit])
    hits = [
        Hit(doc=d, title=snippet(d.title, marked, width=300), snippet=snippet(d.body, marked)) for d in docs
    ]
    return Results(
        query=query,
        words=words,
        hits=hits,
        total=min(total, COUNT_CAP),
        fuzzy=fuzzy,
        more=total > COUNT_CAP,
        funds=funds_by_code(query),
    )


def similar_projects(project: Project, *, limit: int = 5) -> list[SearchDocument]:
    """Approved projects of other districts on the same issue(s) with the most words in common.

    Projects with all the key words come first, then those with any of them. Any word matches a
    great many projects nationally, so each time only the newest matches are taken (the partial
    index on public projects reads them newest first) and those on the same issues are ranked."""
    words = key_words(f"{project.title} {project.rationale[:300]}")
    docs = SearchDocument.objects.filter(kind=Kind.PROJECT, is_public=True)
    docs = docs.exclude(fund__district_id=project.fund.district_id).exclude(object_id=project.pk)
    issue_ids = list(project.plans.values_list("issue_id", flat=True))
    found: list[SearchDocument] = []
    for any_word in (False, True):
        if len(found) >= limit or not words:
            break
        hits = matching(docs.exclude(pk__in=[d.pk for d in found]), words, any_word=any_word)
        newest = list(hits.order_by("-pk").values_list("pk", flat=True)[:CANDIDATES])
        ranked = SearchDocument.objects.select_related("fund__province").filter(pk__in=newest)
        if issue_ids:
            links = SearchDocument.issues.through.objects.filter(
                issue_id__in=issue_ids, searchdocument_id__in=newest
            ).values("searchdocument_id")
            ranked = ranked.filter(pk__in=links)
        found += list(_ranked(ranked, words, any_word=True)[: limit - len(found)])
    return found


def completed_by_issue() -> list[Issue]:
    """Issues with their number of completed projects (one query)."""
    done = Count("plans__projects", filter=Q(plans__projects__status=Status.COMPLETED), distinct=True)
    return [i for i in Issue.objects.annotate(completed=done).order_by("order") if i.completed]  # type: ignore[attr-defined]


def completed_projects(issue: Issue) -> QuerySet[Project]:
    """Completed projects of an issue, newest first, with their activity reports' results."""
    reports = ActivityReport.objects.exclude(results="").order_by("date", "pk")
    return (
        Project.objects.filter(status=Status.COMPLETED, plans__issue=issue)
        .distinct()
        .select_related("fund__province")
        .prefetch_related(Prefetch("activity_reports", queryset=reports, to_attr="reported"))
        .order_by("-fiscal_year", "-pk")
    )
