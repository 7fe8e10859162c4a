"""``factcheck check ARTICLE --fetch``: the paper an article names, found online (identify.py).

Europe PMC is played by a local scripted server (conftest_http) answering with the recorded
responses of tests/data/europepmc/ (Europe PMC's ``resultType=core`` JSON shape; the papers
are placeholders). Connections off this machine are refused: nothing here goes online."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest_http import Reply, closed_port, crossref_server, epmc_server, no_internet  # noqa: F401
from factcheck.cli import main
from factcheck.papers.identify import build_query, choose, cues_in, find_online, support
from factcheck.ingest.reader import article_from_text
from factcheck.papers.sources import Client

DATA = Path(__file__).parent / "data" / "europepmc"
SEARCH = "/europepmc/webservices/rest/search"
DOI = "10.1371/journal.pmed.9999999"

DOI_ARTICLE = ("失眠App可预防青少年抑郁\n\n"
               "香港中文大学的团队近日在《公共科学图书馆·医学》发表研究（DOI: 10.1371/journal.pmed.9999999）。\n"
               "该随机对照试验纳入708名15至25岁的失眠青少年，随访12个月。\n"
               "结果显示，与对照组相比，干预组抑郁症发病风险降低42%。干预组发病率约10%，对照组为18%。\n")
CUES_ARTICLE = ("失眠App可预防青少年抑郁\n\n"
                "2025年3月4日，香港中文大学Yun Kwok Wing教授团队在《公共科学图书馆·医学》发表了一项随机对照试验。\n"
                "研究纳入708名15至25岁的失眠青少年，随访12个月。\n"
                "结果显示，与对照组相比，干预组抑郁症发病风险降低42%。干预组发病率约10%，对照组为18%。\n")
AMBIGUOUS_ARTICLE = ("手机App改善青少年失眠\n\n"
                     "2025年，Chen教授团队在《公共科学图书馆·医学》发表了一项随机对照试验。\n"
                     "研究纳入500名失眠青少年，失眠严重程度明显下降。\n")
FEW_CUES_ARTICLE = "专家提醒：青少年失眠要重视\n\n一项研究发现，失眠的青少年更容易抑郁，风险高出一倍。\n"


def recorded(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _no_internet(no_internet):
    yield


@pytest.fixture
def online(monkeypatch, tmp_path, epmc_server, crossref_server):
    """The command line pointed at the scripted Europe PMC and Crossref, with a fresh cache."""
    monkeypatch.setenv("FACTCHECK_EUROPEPMC_URL", epmc_server.base)
    monkeypatch.setenv("FACTCHECK_CROSSREF_URL", crossref_server.base)
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("FACTCHECK_MAILTO", raising=False)
    epmc_server.route(SEARCH, Reply(200, recorded("doi_hit.json")), query_contains=f'DOI:"{DOI}"')
    epmc_server.route(SEARCH, Reply(200, recorded("search_cues.json")), query_contains="AUTH:\"Wing\"")
    epmc_server.route(SEARCH, Reply(200, recorded("search_ambiguous.json")), query_contains="AUTH:\"Chen\"")
    return epmc_server


def run_check(tmp_path, capsys, text: str, *extra: str):
    art = tmp_path / "article.txt"
    art.write_text(text, encoding="utf-8")
    refs = tmp_path / "refs"
    refs.mkdir(exist_ok=True)
    code = main(["check", str(art), "--references", str(refs), "--format", "json", "--fail-on", "never", *extra])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def verdicts(doc) -> dict[str, str]:
    ms = {m["id"]: m["surface"] for m in doc["mentions"]}
    return {ms[v["mention_id"]]: v["verdict"] for c in doc["claims"] for v in c["mention_verdicts"]}


def client_for(server, tmp_path) -> Client:
    return Client(cache_dir=str(tmp_path / "cache"), europepmc_base=server.base, crossref_base=server.base,
                  min_interval=0.0, sleep=lambda s: None, timeout=5.0)


# ---------------------------------------------------------------- cues and the query

def test_cues_of_an_article_without_a_reference_list():
    c = cues_in(article_from_text(CUES_ARTICLE, "a.txt"))
    assert c.journal == "PLOS Medicine" and c.journal_key == "plos_medicine" and c.journal_said == "公共科学图书馆·医学"
    assert (c.year, c.month, c.day) == (2025, 3, 4)
    assert c.authors == ["Yun", "Kwok", "Wing"] and c.sample_sizes == [708] and "randomized" in c.designs
    assert c.identifiers() == []
    q = build_query(c)
    assert q.startswith('JOURNAL:"PLOS Medicine" AND FIRST_PDATE:[2025-01-01 TO 2025-12-31] AND (')
    assert 'AUTH:"Wing"' in q and '"708"' in q and '"randomized"' in q


def test_identifiers_in_the_text_are_cues_first():
    c = cues_in(article_from_text("研究发表于《柳叶刀》，DOI：10.1016/S0140-6736(99)99999-9。PMID: 39999999。\n", "a.txt"))
    assert c.dois == ["10.1016/s0140-6736(99)99999-9"] and c.pmids == ["39999999"]
    assert c.identifiers() == ["10.1016/s0140-6736(99)99999-9", "PMID:39999999"]


def test_an_english_title_in_quotes_is_searched_as_a_title():
    c = cues_in(article_from_text("该研究题为“Digital cognitive behavioural therapy for insomnia to prevent depression”，"
                                  "发表在《PLOS Medicine》上。\n", "a.txt"))
    assert c.titles == ["Digital cognitive behavioural therapy for insomnia to prevent depression"]
    assert build_query(c) == ('TITLE:"Digital cognitive behavioural therapy for insomnia to prevent depression" '
                              'AND JOURNAL:"PLOS Medicine"')


def test_institutions_and_one_word_journal_names_are_not_cues():
    c = cues_in(article_from_text("该研究由克利夫兰医学中心(Cleveland Clinic)完成，2型糖尿病（Type 2 Diabetes）患者"
                                  "的血压。\n", "a.txt"))
    assert c.authors == [] and c.journal is None


def test_too_few_cues_build_no_query():
    assert build_query(cues_in(article_from_text(FEW_CUES_ARTICLE, "a.txt"))) is None


# ---------------------------------------------------------------- judging candidates

def _results(name: str):
    from factcheck.papers.sources import Client as C

    return [(r, C._record_from_europepmc(r, "recorded")) for r in recorded(name)["resultList"]["result"]]


def test_the_candidate_the_cues_support_is_taken():
    c = cues_in(article_from_text(CUES_ARTICLE, "a.txt"))
    res = _results("search_cues.json")
    other_journal = next(rec for raw, rec in res if rec.journal == "Sleep")
    same_journal_no_cue = next(rec for raw, rec in res if rec.doi.endswith("9998"))
    assert support(c, *next((raw, rec) for raw, rec in res if rec is other_journal)) is None    # 708, but Sleep
    assert support(c, *next((raw, rec) for raw, rec in res if rec is same_journal_no_cue)) is None
    ch = choose(c, res)
    assert ch.record.doi == DOI and ch.how.startswith("journal+year+date+author+n")


def test_candidates_that_fit_equally_are_not_guessed_between():
    c = cues_in(article_from_text(AMBIGUOUS_ARTICLE, "a.txt"))
    ch = choose(c, _results("search_ambiguous.json"))
    assert ch.record is None and "not guessing" in ch.problem_en and "不作猜测" in ch.problem_zh


# ---------------------------------------------------------------- find_online with a client

def test_find_online_fetches_the_doi_in_the_text(online, tmp_path):
    found = find_online(article_from_text(DOI_ARTICLE, "a.txt"), client_for(online, tmp_path))
    assert [how for _, how in found.papers] == ["fetch:doi"] and found.papers[0][0].doi == DOI
    assert not found.network_failed and [r.query["query"][0] for r in online.requests_to(SEARCH)] == [f'DOI:"{DOI}"']


# ---------------------------------------------------------------- the command line

def test_check_fetch_by_the_doi_in_the_text(online, tmp_path, capsys):
    code, doc, err = run_check(tmp_path, capsys, DOI_ARTICLE, "--fetch")
    assert code == 0 and "Traceback" not in err
    assert [r["resolved_by"] for r in doc["references"]] == ["fetch:doi"] and doc["references"][0]["doi"] == DOI
    assert any(n.startswith("FC309") and "fetched by the DOI in the text" in n and "按正文中的 DOI 联网获取" in n
               for n in doc["notes"])
    v = verdicts(doc)
    assert v["708名"] == "supported" and v["42%"] == "supported" and v["18%"] == "supported"


def test_check_fetch_by_a_search_built_from_the_cues(online, tmp_path, capsys):
    code, doc, err = run_check(tmp_path, capsys, CUES_ARTICLE, "--fetch")
    assert code == 0 and "Traceback" not in err
    (ref,) = doc["references"]
    assert ref["doi"] == DOI and ref["resolved_by"].startswith("search:journal+year+date+author+n")
    notes = "\n".join(doc["notes"])
    assert "found by search (journal+year+date+author+n" in notes and "联网检索找到" in notes
    assert 'search query: JOURNAL:"PLOS Medicine" AND FIRST_PDATE:[2025-01-01 TO 2025-12-31]' in notes
    (req,) = online.requests_to(SEARCH)
    assert req.query["resultType"] == ["core"] and req.query["format"] == ["json"]
    v = verdicts(doc)
    assert v["708名"] == "supported" and v["42%"] == "supported"


def test_check_fetch_refuses_to_guess_between_candidates(online, tmp_path, capsys):
    code, doc, err = run_check(tmp_path, capsys, AMBIGUOUS_ARTICLE, "--fetch")
    assert code == 0 and doc["references"] == []
    assert any(n.startswith("FC310") and "not guessing" in n for n in doc["notes"])
    assert all(c["verdict"] == "unattributed" for c in doc["claims"])


def test_check_fetch_with_too_few_cues_does_not_search(online, tmp_path, capsys):
    code, doc, err = run_check(tmp_path, capsys, FEW_CUES_ARTICLE, "--fetch")
    assert code == 0 and doc["references"] == [] and online.requests_to(SEARCH) == []
    assert any(n.startswith("FC310") and "not enough cues" in n for n in doc["notes"])


def test_answers_are_cached(online, tmp_path, capsys):
    run_check(tmp_path, capsys, CUES_ARTICLE, "--fetch")
    code, doc, err = run_check(tmp_path, capsys, CUES_ARTICLE, "--fetch", "--offline")
    assert code == 0 and doc["references"][0]["doi"] == DOI
    assert len(online.requests_to(SEARCH)) == 1         # the second run was answered by the cache


def test_network_down_is_a_clear_message_not_a_traceback(monkeypatch, tmp_path, capsys, closed_port):
    monkeypatch.setenv("FACTCHECK_EUROPEPMC_URL", f"http://127.0.0.1:{closed_port}/europepmc/webservices/rest")
    monkeypatch.setenv("FACTCHECK_CROSSREF_URL", f"http://127.0.0.1:{closed_port}")
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    for text in (DOI_ARTICLE, CUES_ARTICLE):
        code, doc, err = run_check(tmp_path, capsys, text, "--fetch")
        assert code == 2 and "Traceback" not in err          # nothing could be checked
        assert "cannot reach 127.0.0.1" in err and "checked without a paper" in err
        assert doc["references"] == [] and any(n.startswith("FC310") for n in doc["notes"])


def test_offline_with_nothing_cached(online, tmp_path, capsys):
    code, doc, err = run_check(tmp_path, capsys, DOI_ARTICLE, "--fetch", "--offline")
    assert code == 2 and "--offline, and not in the cache" in err and "Traceback" not in err
    assert online.requests_to(SEARCH) == []


def test_network_down_but_a_summary_at_hand_is_named(monkeypatch, tmp_path, capsys, closed_port):
    """The summaries at hand come first: an article that names one never goes online."""
    monkeypatch.setenv("FACTCHECK_EUROPEPMC_URL", f"http://127.0.0.1:{closed_port}/europepmc/webservices/rest")
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    refs = tmp_path / "refs"
    refs.mkdir()
    from factcheck.papers.summarize import draft_summary, write_summary
    from test_papers import ABSTRACT

    write_summary(draft_summary(ABSTRACT), str(refs / "chen2025.yaml"))
    code, doc, err = run_check(tmp_path, capsys, DOI_ARTICLE, "--fetch")
    assert code == 0 and [r["resolved_by"] for r in doc["references"]] == ["text:doi"] and "cannot reach" not in err


def test_an_article_with_its_own_reference_list_is_left_alone(online, tmp_path, capsys):
    text = "研究纳入708名青少年[1]。\n\n参考文献\n[1] Chen SJ, et al. Some paper. PLoS Med. 2025.\n"
    code, doc, err = run_check(tmp_path, capsys, text, "--fetch")
    assert online.requests_to(SEARCH) == [] and not any(n.startswith(("FC309", "FC310")) for n in doc["notes"])


def test_a_pmid_in_the_text_is_fetched(online, tmp_path):
    online.route(SEARCH, Reply(200, recorded("doi_hit.json")), query_contains="EXT_ID:99999991")
    text = DOI_ARTICLE.replace("DOI: 10.1371/journal.pmed.9999999", "PMID: 99999991")
    found = find_online(article_from_text(text, "a.txt"), client_for(online, tmp_path))
    assert [how for _, how in found.papers] == ["fetch:pmid"] and found.papers[0][0].pmid == "99999991"


def test_a_doi_no_service_knows_falls_back_to_the_cues(online, tmp_path):
    """A mistyped DOI is not the end: the search by the text's cues still finds the paper."""
    text = CUES_ARTICLE.replace("发表了一项随机对照试验。", "发表了一项随机对照试验（doi:10.1371/journal.pmed.0000000）。")
    found = find_online(article_from_text(text, "a.txt"), client_for(online, tmp_path))
    assert [how.split("+")[0] for _, how in found.papers] == ["search:journal"]
    assert any(n.startswith("FC310") and "10.1371/journal.pmed.0000000" in n for n in found.notes)


def test_without_a_year_two_specific_cues_are_needed():
    res = _results("search_cues.json")
    raw, rec = next((raw, rec) for raw, rec in res if rec.doi == DOI)
    one = cues_in(article_from_text("Yun Kwok Wing教授团队在《公共科学图书馆·医学》发表了一项研究。\n", "a.txt"))
    two = cues_in(article_from_text("Yun Kwok Wing教授团队在《公共科学图书馆·医学》发表了一项研究，纳入708名青少年。\n", "a.txt"))
    assert one.year is None and support(one, raw, rec) is None              # journal + author only
    assert support(two, raw, rec)[:3] == ["journal", "author", "n"]


def test_a_malformed_answer_is_a_note_not_a_crash(epmc_server, tmp_path):
    epmc_server.route(SEARCH, Reply(200, "{not json", headers={"Content-Type": "application/json"}))
    found = find_online(article_from_text(CUES_ARTICLE, "a.txt"), client_for(epmc_server, tmp_path))
    assert found.papers == [] and not found.network_failed and "malformed JSON" in found.message
    assert any(n.startswith("FC310") and "searching Europe PMC failed" in n for n in found.notes)


def test_an_author_is_a_person_not_a_word_of_a_name():
    res = _results("search_cues.json")
    raw, rec = next((raw, rec) for raw, rec in res if rec.doi == DOI)
    def author(text):
        return "author" in (support(cues_in(article_from_text(f"2025年，{text}在《公共科学图书馆·医学》发表研究，纳入708名青少年。\n",
                                                              "a.txt")), raw, rec) or [])
    assert author("Yun Kwok Wing教授团队") and author("Wing教授团队") and author("黄永国（Wing Yun-Kwok）教授")
    assert not author("Kwok Chan教授团队")          # a Chan is no author; Kwok is a given name here


def test_without_a_year_an_exact_count_of_four_digits_is_enough():
    res = _results("search_cues.json")
    raw, rec = next((raw, rec) for raw, rec in res if rec.doi.endswith("9998"))     # 12,345 adults
    c = cues_in(article_from_text("《公共科学图书馆·医学》发表的一项研究跟踪了12345名老年人。\n", "a.txt"))
    assert c.year is None and c.sample_sizes == [12345] and support(c, raw, rec) == ["journal", "n"]
    c = cues_in(article_from_text("《公共科学图书馆·医学》发表的一项研究跟踪了1万多名老年人。\n", "a.txt"))
    assert c.sample_sizes == [] and support(c, raw, rec) is None


def test_paper_doi_offline(online, tmp_path, capsys):
    code, doc, err = run_check(tmp_path, capsys, DOI_ARTICLE, "--paper", DOI, "--offline")
    assert code == 2 and "not in the cache (--offline)" in err and online.requests_to(SEARCH) == []
    code, doc, err = run_check(tmp_path, capsys, DOI_ARTICLE, "--paper", DOI)                 # fetched, cached
    assert code == 0 and doc["references"][0]["resolved_by"] == "paper"
    code, doc, err = run_check(tmp_path, capsys, DOI_ARTICLE, "--paper", DOI, "--offline")    # from the cache
    assert code == 0 and len(online.requests_to(SEARCH)) == 1


def test_a_title_search_that_finds_nothing_falls_back_to_the_other_cues(online, tmp_path):
    from conftest_http import europepmc_empty

    online.routes.insert(0, type(online.routes[0])(SEARCH, [Reply(200, europepmc_empty())], "TITLE:"))
    text = CUES_ARTICLE.replace("发表了一项随机对照试验。", "发表了题为“App-based sleep therapy prevents depression in "
                                                          "young people”的随机对照试验。")
    found = find_online(article_from_text(text, "a.txt"), client_for(online, tmp_path))
    assert [r.query["query"][0].split(":")[0] for r in online.requests_to(SEARCH)] == ["TITLE", "JOURNAL"]
    assert found.papers and found.papers[0][0].doi == DOI
    assert [n[:6] for n in found.notes] == ["FC310:", "FC309:"]         # the title query's, then the cue query's
