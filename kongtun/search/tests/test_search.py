from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse

from kongtun.conftest import login
from kongtun.core.panels import panels
from kongtun.dashboards.tests.data import YEAR, rollup_data
from kongtun.projects.models import Status
from kongtun.search.models import Kind, SearchDocument
from kongtun.search.selectors import search_documents, similar_projects
from kongtun.search.services import search_document_remove, search_document_update, search_reindex
from kongtun.search.text import index_text, segment, snippet

TITLE = "โครงการส่งเสริมสุขภาพผู้สูงอายุตำบลหนองบัว"


@pytest.fixture
def data(story):
    data = rollup_data(story)
    search_reindex()
    return data


def titles(results):
    return [h.doc.title for h in results.hits]


def test_segment_splits_thai_words():
    assert "ผู้สูงอายุ" in segment(TITLE).split()


def test_index_text_adds_the_words_inside_compound_words():
    assert "บุหรี่" in index_text("โครงการลดการสูบบุหรี่ในชุมชน").split()


def test_a_search_for_a_word_inside_a_thai_title_finds_it(story, data):
    results = search_documents(user=AnonymousUser(), query="ผู้สูงอายุ")
    assert TITLE in titles(results)
    hit = next(h for h in results.hits if h.doc.title == TITLE)
    assert "<mark>ผู้สูงอายุ</mark>" in hit.title


def test_search_finds_activity_reports_and_plans(story, data):
    kinds = {h.doc.kind for h in search_documents(user=AnonymousUser(), query="ออกกำลังกาย").hits}
    assert Kind.REPORT in kinds
    assert search_documents(user=AnonymousUser(), query="ยาสูบ", filters={"kind": "plan"}).total == 3


def test_drafts_are_invisible_to_the_public_and_to_officer_b(story, data):
    query = "บุหรี่ไฟฟ้า"
    assert search_documents(user=AnonymousUser(), query=query).total == 0
    assert search_documents(user=story.officer_b, query=query).total == 0
    assert search_documents(user=story.officer_a, query=query).total == 1


def test_filters_narrow_the_results(story, data):
    everyone = AnonymousUser()
    assert search_documents(user=everyone, query="บุหรี่", filters={"kind": "project"}).total == 4
    assert (
        search_documents(user=everyone, query="บุหรี่", filters={"kind": "project", "province": "93"}).total == 1
    )
    assert (
        search_documents(
            user=everyone, query="บุหรี่", filters={"kind": "project", "support_type": data.s1.pk}
        ).total
        == 1
    )
    assert search_documents(user=everyone, query="ผู้สูงอายุ", filters={"issue": data.activity.pk}).total >= 1
    assert (
        search_documents(
            user=everyone, query="ผู้สูงอายุ", filters={"target_group": data.elderly.pk, "kind": "project"}
        ).total
        == 1
    )
    assert search_documents(user=everyone, query="บุหรี่", filters={"year": 2500}).total == 0
    assert (
        search_documents(user=everyone, query="บุหรี่", filters={"status": "completed", "kind": "project"}).total
        == 1
    )


def test_more_matching_words_rank_higher(story, data):
    results = search_documents(user=AnonymousUser(), query="ผู้สูงอายุ ออกกำลังกาย", filters={"kind": "project"})
    assert titles(results)[0] == TITLE


def test_update_reindexes_a_changed_project_and_its_reports(story, data):
    data.p1.title = "โครงการลานกีฬาชุมชน"
    data.p1.status = Status.CANCELLED
    data.p1.save()
    search_document_update(obj=data.p1)
    assert search_documents(user=AnonymousUser(), query="ลานกีฬา").total == 0  # no longer public
    assert search_documents(user=story.officer_a, query="ลานกีฬา").total == 1
    assert not SearchDocument.objects.get(kind=Kind.REPORT, object_id=data.r1.pk).is_public


def test_delete_removes_the_document(story, data):
    search_document_remove(kind=Kind.PROJECT, object_id=data.p2.pk)
    assert not SearchDocument.objects.filter(kind=Kind.PROJECT, object_id=data.p2.pk).exists()
    assert search_documents(user=AnonymousUser(), query="ลดการสูบบุหรี่").total == 0


def test_reindex_command_indexes_everything(story, data):
    call_command("search_reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert SearchDocument.objects.filter(kind=Kind.PROJECT).count() == 6
    assert SearchDocument.objects.filter(kind=Kind.PLAN).count() == 4
    assert SearchDocument.objects.filter(kind=Kind.REPORT).count() == 2


def test_snippet_marks_words_and_escapes_html():
    html = snippet("<b>ผู้สูงอายุ</b> ออกกำลังกาย", ["ผู้สูงอายุ"])
    assert "&lt;b&gt;<mark>ผู้สูงอายุ</mark>&lt;/b&gt;" in html


def test_similar_projects_come_from_other_districts_on_the_same_issue(story, data):
    similar = similar_projects(data.p2)  # tobacco, in จะนะ
    assert [d.object_id for d in similar] == [data.p4.pk]  # พัทลุง; not p1/p5 (same district), not p3 (draft)


def test_the_similar_list_renders_the_projects(story, data):
    html = render_to_string("search/_similar.html", {"similar": similar_projects(data.p2)})
    assert "โครงการบ้านปลอดบุหรี่พัทลุง" in html


def test_search_page_is_public_and_highlights(story, data):
    response = Client().get(reverse("search:index"), {"q": "ผู้สูงอายุ"})
    assert response.status_code == 200
    assert "<mark>ผู้สูงอายุ</mark>" in response.text
    assert Client().get(reverse("search:index"), {"q": "บุหรี่ไฟฟ้า"}).context["results"].total == 0


def test_search_page_shows_drafts_to_the_fund_officer_only(story, data):
    url = reverse("search:index")
    assert login(story.officer_a).get(url, {"q": "บุหรี่ไฟฟ้า"}).context["results"].total == 1
    assert login(story.officer_b).get(url, {"q": "บุหรี่ไฟฟ้า"}).context["results"].total == 0


def test_search_page_with_htmx_returns_only_the_results(story, data):
    response = Client().get(reverse("search:index"), {"q": "บุหรี่"}, HTTP_HX_REQUEST="true")
    assert "<form" not in response.text and "search-results" in response.text


def test_learn_pages_list_completed_projects_by_issue(story, data):
    index = Client().get(reverse("search:learn"))
    assert index.status_code == 200 and "ยาสูบ" in index.text
    page = Client().get(reverse("search:learn_issue", args=["tobacco"]))
    assert "โครงการลดการสูบบุหรี่ในชุมชน" in page.text and "บุหรี่ไฟฟ้า" not in page.text
    assert Client().get(reverse("search:learn_issue", args=["nope"])).status_code == 404


def test_search_year_filter_uses_the_project_year(story, data):
    assert search_documents(user=AnonymousUser(), query="บุหรี่", filters={"year": YEAR}).total > 0


def test_a_common_word_is_counted_up_to_the_cap_and_says_there_are_more(story, data, monkeypatch):
    from kongtun.search import selectors

    monkeypatch.setattr(selectors, "COUNT_CAP", 2)
    monkeypatch.setattr(selectors, "CANDIDATES", 2)
    results = search_documents(user=AnonymousUser(), query="บุหรี่")
    assert results.more and results.total == 2 and len(results.hits) == 2


def test_the_projects_create_service_indexes_the_new_proposal(story):
    from kongtun.projects.services import project_create

    project = project_create(fund=story.fund_a, user=story.proposer_a, title="โครงการผู้สูงอายุฟันดี")
    doc = SearchDocument.objects.get(kind=Kind.PROJECT, object_id=project.pk)
    assert not doc.is_public and "ผู้สูงอายุ" in doc.segmented.split()
    assert search_documents(user=story.proposer_a, query="ผู้สูงอายุ").total == 1  # their own draft
    assert search_documents(user=story.officer_b, query="ผู้สูงอายุ").total == 0
    assert search_documents(user=story.officer_a, query="ผู้สูงอายุ").total == 1


def test_a_snippet_starts_and_ends_on_whole_thai_words():
    text = (
        "ข้อมูลสถานการณ์ของตำบลชี้ว่าปัญหานี้ยังสูงกว่าค่าเฉลี่ยของอำเภอ ชุมชนจึงร่วมกันจัดทำโครงการนี้ "
        "กลุ่มเป้าหมายมีความรู้และปรับพฤติกรรม ตัวชี้วัดของตำบลดีขึ้นตามเป้าหมาย ชมรมผู้สูงอายุ หมู่ 9"
    )
    html = snippet(text, ["ปัญหา"], width=60)
    assert html.startswith("… ของตำบล")  # not "… องตำบล"
    assert html.endswith("ชุมชนจึง …")  # not "ชุมชนจ …"
    assert "<mark>ปัญหา</mark>" in html


def test_a_typo_marks_what_was_typed_with_its_vowel_not_its_pieces(story, data):
    results = search_documents(user=AnonymousUser(), query="ผู้สูงอาย")
    assert results.fuzzy and TITLE in titles(results)
    hit = next(h for h in results.hits if h.doc.title == TITLE)
    assert "<mark>ผู้สูงอายุ</mark>" in hit.title
    assert "<mark>สูง</mark>" not in hit.snippet


# A wrong vowel (สุง for สูง), a missing one (อยุ for อายุ).
@pytest.mark.parametrize("typed", ["ส่งเสริมสุขภาพผู้สุงอายุ", "สุขภาพผู้สูงอยุ"])
def test_a_title_typed_with_a_typo_is_found_on_either_database(story, data, typed):
    results = search_documents(user=AnonymousUser(), query=typed)
    assert results.fuzzy and TITLE in titles(results)
    assert "ฮิปโป" not in "".join(titles(results))


def test_a_typo_finds_a_draft_for_its_fund_officer_and_never_for_a_visitor(story, data):
    typed = "ร่างเรื่องบุหรี่ไฟฟ้าในโรงเรือน"  # โรงเรียน typed as โรงเรือน
    assert data.p3.title in titles(search_documents(user=story.officer_a, query=typed))
    assert data.p3.title not in titles(search_documents(user=AnonymousUser(), query=typed))
    assert data.p3.title not in titles(search_documents(user=story.officer_b, query=typed))


def test_filters_take_a_district_or_a_fund_by_name_as_well_as_by_code(story, data):
    everyone = AnonymousUser()
    by_code = search_documents(user=everyone, query="บุหรี่", filters={"kind": "project", "district": "9003"})
    by_name = search_documents(
        user=everyone, query="บุหรี่", filters={"kind": "project", "district": "อำเภอจะนะ"}
    )
    assert by_code.total == by_name.total == 3
    name_part = story.fund_b.name[-8:]
    assert search_documents(user=everyone, query="บุหรี่", filters={"fund": name_part}).total >= 1
    assert search_documents(user=everyone, query="บุหรี่", filters={"fund": story.fund_b.code}).total >= 1


def test_no_close_titles_means_no_promise_of_close_titles(story, data):
    from django.utils import translation

    response = Client().get(reverse("search:index"), {"q": "ฮิปโปโปเตมัส"})
    assert response.context["results"].fuzzy and not response.context["results"].hits
    with translation.override(response.context["LANGUAGE_CODE"]):
        promise = translation.gettext("No exact match: showing titles that are close to what you typed.")
    assert promise not in response.content.decode()


def test_the_project_page_fetches_similar_projects_later_from_their_own_url(story, data):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    html = "".join(str(p) for p in panels("project.end", request, data.p2))
    url = reverse("search:similar", args=[data.p2.pk])
    assert f'hx-get="{url}"' in html and "บ้านปลอดบุหรี่" not in html
    response = Client().get(url)  # an approved project: anyone may see it
    assert response.status_code == 200 and "โครงการบ้านปลอดบุหรี่พัทลุง" in response.text


def test_similar_projects_of_a_draft_are_for_those_who_may_see_the_draft(story, data):
    url = reverse("search:similar", args=[data.p3.pk])  # a draft of fund A
    assert login(story.officer_b).get(url).status_code == 404
    assert Client().get(url).status_code == 404
    assert login(story.officer_a).get(url).status_code == 200


def test_thai_and_arabic_digits_find_each_other(story, data):
    data.p1.title = "โครงการผู้สูงอายุ เขต ๕ ปี ๒๕๖๗"
    data.p1.save(update_fields=["title"])
    search_document_update(obj=data.p1)
    for query in ("เขต 5", "2567", "๒๕๖๗"):
        assert data.p1.title in titles(search_documents(user=AnonymousUser(), query=query)), query


def test_a_fund_code_finds_the_fund_and_its_projects(story, data):
    results = search_documents(user=AnonymousUser(), query=story.fund_a.code.lower())
    assert results.funds == [story.fund_a]
    assert results.total and all(h.doc.fund_id == story.fund_a.pk for h in results.hits)
    page = Client().get(reverse("search:index"), {"q": story.fund_a.code}).text
    assert story.fund_a.get_absolute_url() in page


def test_two_words_that_never_meet_find_what_each_word_finds(story, data):
    one = search_documents(user=AnonymousUser(), query="ผู้สูงอายุ").total
    other = search_documents(user=AnonymousUser(), query="บุหรี่").total
    both = search_documents(user=AnonymousUser(), query="ผู้สูงอายุ บุหรี่")
    assert one and other and both.total >= max(one, other) and not both.fuzzy


def test_similar_projects_followed_as_a_link_open_a_page_of_their_own(story, data):
    url = reverse("search:similar", args=[data.p2.pk])
    page = Client().get(url)
    assert page.status_code == 200 and "<html" in page.text and "โครงการบ้านปลอดบุหรี่พัทลุง" in page.text
    part = Client().get(url, HTTP_HX_REQUEST="true")
    assert "<html" not in part.text and "โครงการบ้านปลอดบุหรี่พัทลุง" in part.text
