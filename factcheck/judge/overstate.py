"""Overstatements: where the article says more than the paper.

Rules are data (factcheck/data/rules/*.yaml, plus any ``rules_dir`` of the config), each with a
stable code. Words match on jieba token boundaries, so 所有 inside 所有权 or 证实 inside 未证实
cannot fire as the bare word; one scan of the article finds the words of all rules and the
literals their patterns require, and jieba runs only around the cues that survive the cheaper
tests. Context is read before anything is reported: negations
(不能证实, 并非, 尚未), questions (…吗？), quoted or meta-linguistic use (对于“逆转”一词), hedges in
the clause (可能导致), warnings (切勿轻信) and beliefs the article reports from others (很多医生
认为) are not the article's own assertion. Judgment is paper-aware: the same word weighs differently with the cited paper's
design, scope, population and conclusion wording, which is quoted beside the finding.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence, get_args

from factcheck.judge.attribution import general_cue, reports_finding, speaks_of_research
from factcheck.core.codes import registry
from factcheck.core.config import Config
from factcheck.papers.glossary import load_glossary
from factcheck.papers.implicit import is_implicit, the_one_paper
from factcheck.core.model import Article, Attribution, Claim, Mention, Overstatement, Sentence
from factcheck.text.numbers import CHANGE_VERB_BEFORE
from factcheck.text.segmenter import segment, segmenter_words
from factcheck.text.sentences import clause_cuts
from factcheck.core.objcache import ObjectCache
from factcheck.papers.summaries import Design, Finding, Store, Summary
from factcheck.text.wordscan import WordIndex, plain_words, required_literals

RULES_DIR = Path(__file__).parent.parent / "data" / "rules"
NEGATIONS = {"不", "没有", "没", "未", "并非", "非", "尚未", "无法", "不能", "难以", "并未", "而非", "不是",
             "未能", "不会", "不再", "不要", "切勿", "千万别", "不可", "不宜", "并无", "尚无", "缺乏"}
HEDGES = ("可能", "或许", "也许", "或可", "或能", "或会", "或将", "有望", "疑似", "怀疑", "推测", "似乎", "貌似", "估计", "预计", "预估")
# what remains to be shown, the cue being the showing: 还需要后续的研究工作来加以证实, 有待证实
PENDING_BEFORE = re.compile(r"(?:有待|尚待|还需要?|仍需要?|尚需|需要)[^，。；;,]{0,16}$")
HEDGE_RE = re.compile("|".join(HEDGES))
QUOTES = "“”\"'‘’「」『』"
# beliefs reported from others ("很多医生认为", "他们认为…"): the article reports, it does not assert
# (很多糖友认为, 不少人以为); or claims made by others' products (号称能“彻底治愈”的偏方).
# "很多研究认为" stays the article's own claim about the evidence, and so does what the study's
# authors say of it (作者指出…证实): the article relays their claim about the paper as its result.
REPORTERS = re.compile(
    r"((很多|不少|有些|部分|一些|许多)?(医生|科普|网友|人们|大家|有人|病友)|他们)(也|都)?(认为|觉得|说|推测|提出|指出)"
    r"|(很多|不少|有些|部分|一些|许多)(?!研究|试验|数据|结果|证据|文献|论文|报道)[\u4e00-\u9fff]{1,4}?(也|都)?(认为|觉得|以为|相信)"
    # the authors' own belief or guess (研究人员认为…会促使, 作者分析认为…会导致): their reading,
    # which the article reports, not its own claim (认为 and 推测, not 指出 or 表示, which assert)
    r"|(?:作者|研究者|研究人员|研究团队|团队)[^，。,；;]{0,4}(?:认为|推测|猜测|推断)"
    # a view, a guideline or a field holds it (传统的观点认为晒太阳会增加…, 现有指南认为饱和脂肪会增加…,
    # 医学界普遍认为): received knowledge the study is weighed against, not its reading
    r"|(?:观点|看法|观念|理论|说法|指南|共识|医学界|学界|科学界)(?:也|都|一直|普遍|通常|一般)?(?:认为|相信)"
    r"|号称|宣称|自称|标榜")
REPORTED_VERB = re.compile(r"认为|觉得|说|推测|提出|指出|以为|相信|称|标榜")   # every REPORTERS match holds one: a cheap first test
# every branch opens with a literal (完全/一定/肯定 each spelled out before (可以|能够?)): the
# regex engine then skips ahead to their first characters
INTERVENTION = re.compile(r"治疗|疗法|药物|方案|补充|运动|手术|移植|输注|细胞|完全(?:可以|能够?)|一定(?:可以|能够?)"
                          r"|肯定(?:可以|能够?)|彻底|保证")
LIMITED = re.compile(r"有限|不明显|不显著|未见|尚无")
WARNED = re.compile(r"切勿|谨防|警惕|不要(轻)?信|别(轻)?信|小心")   # 切勿轻信“包治愈”: a warning, not a claim
CONCLUSION_CUE = re.compile(r"也就是说|所以|因此|说明|可见|这告诉我们|由此|总之")
PURPOSE = re.compile(r"(为了|旨在|试图|希望|以便|有待|尚待|仍需|需要进一步)\s*$")
NULL_SAID = re.compile(r"并不比|并没有比|不比[^，。；]{0,12}更|(没有|无|未见|并无)(显著|明显|统计学)?(的)?(差异|区别|优势|改善)|差异(无|不)(显著|明显)")
# 吸烟是导致肺癌的首要因素, 每年导致数百万人死亡, 人们知道…, 听说过吸烟会缩短寿命: a cause the
# reader already knows, stated as background, not the article's reading of the study
KNOWN_CAUSE = re.compile(r"是[^，。；,;]{0,12}?(首要|主要|重要|头号|最大|第一)(的)?(原因|因素|元凶|杀手|诱因|死因)"
                         r"|人们(早就|都)?知道|大家都知道|听说过|早已(知道|证实|明确)")
# a belief told in the passive (纤维一直被认为可以降低风险, 双歧杆菌被认为具有抑制肿瘤的作用): whose, the
# sentence does not say; it reports the belief, it does not assert it
BELIEVED = re.compile(r"被(?:广泛|普遍|一直)?(?:认为|视为|看作|怀疑)|据信")
# knowledge the sentence says everyone has (众所周知, 人们已知, a clause opened by 已知)
# (every branch opens with a literal, the clause test after 已知: the engine skips ahead to them)
# (and what most people know: 大多数人都知道, 许多人都知道, 大家都知道)
KNOWN_BEFORE = re.compile(r"众所周知|众所皆知|人们已知|已知(?<![^，,；;：:]已知)|(?:大多数人|许多人|很多人|大家|人们)都?知道")
HYPOTHETICAL = re.compile(r"(如果|假如|倘若|假设|要是)[^。！？]{0,40}$")
PROOF_VERB_FIRST = frozenset("证验确明揭查厘")
EARLIER_RESEARCH = re.compile(r"(?:(过去|此前|之前|以往|既往|早前|先前|更早)[^，。,；;]{0,10}|(?:多项|许多|大量|不少|众多|一些|诸多|很多)"
                              r")(研究|试验|证据)[^，。,；;]{0,6}$")
# a negation written before the cue that segmentation hides inside a longer word (有没有确凿的证据)
# (the negations of two or more characters, as written: one character, 不 or 未, would also be found
# inside 不仅 or 未来, which the token test above keeps apart)
# other research reported earlier in the sentence, its finding running on over later clauses
# (许多研究显示，药物治疗可以大幅减少…; 2013年也有美国研究人员发现，走路快能降低…): not the
# cited paper's claim. Searched as its core (研究显示: literals first, which the regex engine
# skips to), then the words before the core are tested (one pattern opening with the words cost
# a check 1 % more: the engine tried it at every character of every sentence with a cue)
OTHER_RESEARCH_CORE = re.compile(r"(?:研究|试验|学者|科学家)(?:人员)?[^，。,；;]{0,4}(?:显示|表明|发现|证实|指出|证明)"
                                 r"|(?P<general>越来越多的(?:研究|证据)|研究(?:不断涌现|层出不穷|越来越多))")
OTHER_RESEARCH_BEFORE = re.compile(r"(?:(?:过去|此前|之前|以往|既往|早前|先前|更早)[^，。,；;]{0,10}|多项|许多|大量|不少|众多"
                                   r"|诸多|很多|几项|多个|一些|(?:也有|还有|另有|曾有)[^，。,；;]{0,12})$")


def _other_research_said(text: str, since: int, s: int) -> bool:
    """Is other research reported in text[since:s]: research in general, or a finding whose
    reporters are others (许多, 此前, 也有…)?"""
    return any(m.group("general") or OTHER_RESEARCH_BEFORE.search(text, max(since, m.start() - 16), m.start())
               for m in OTHER_RESEARCH_CORE.finditer(text, since, s))


# a causal verb inside an association frame says no more than the association
# (与各种原因导致死亡风险增加之间的关联, 与诱发IBD无关): Yu et al.'s correlational level
ASSOCIATION_BEFORE = re.compile(r"[与和跟][^，。,；;]{0,30}$")
ASSOCIATION_AFTER = re.compile(r"^[^，。,；;]{0,30}?(?:有关|相关|关联|无关|联系|挂钩)")
# "this does not mean that …" (并不代表抗生素会直接导致心脏病) and "was not, because of X, made …"
# (并未因服用抗生素而使…风险增加): the claim after them is denied, however far the cue stands
# words that address the readers (可以, 应该, 建议 …): a regimen told to them is advice, tested or not
ADDRESSED = re.compile(r"可以|应该|应当|建议|尽早|务必|不妨|一定要|必须|最好")
NOT_MEANT = re.compile(r"(?:不代表|不意味着|不等于|不能说明|并不说明|不能证明|无法证明|不能断定|并不表示|"
                       r"并未表明|并不表明|未能表明|并未证明|未能证明|并未证实|未能证实|不是证明|并非证明|而非证明|不是说)[^，。,；;]*$"
                       # 并无确凿研究证据表明…: no evidence shows it; 并未发现打了疫苗会增加…: not found
                       r"|(?:并无|没有|尚无|缺乏|未有|无)[^，。,；;]{0,8}证据[^，。,；;]*$"
                       r"|(?:并未|没有|未能|未|没)(?:发现|找到|观察到|看到)[^，。,；;]*$"
                       r"|(?:并未|没有|未)因[^，。,；;]{1,20}而[^，。,；;]{0,4}$"
                       # 并不能直接得出饮茶导致胃癌的结论: a conclusion the article says cannot be drawn
                       r"|(?:不能|无法|难以|不可|未能)[^，。,；;]{0,4}(?:得出|推断|推论|断言|下结论|认定)[^，。,；;]*$")
# a consequence chained on a hedged clause (可能会分散注意力，导致医疗事故; 可能会导致血小板凝结，随后…，
# 引发心脏病发作) keeps its hedge: these open such a clause
CHAIN_OPENERS = ("", "并", "并且", "从而", "进而", "继而", "而", "甚至", "最终", "最后", "随后", "然后", "再", "还会", "就会", "则会")
# the article itself makes the effect conditional on causation (如果二者确为因果关系，那么…可减少)
CAUSATION_SUPPOSED = re.compile(r"(?:如果|假如|倘若|假设|要是|若)[^。；;]{0,20}因果")
# every branch of NOT_MEANT holds one of these: a clause without them is not searched
_NEGATING_CHARS = frozenset("不没无缺未尚并难")
# a study of years ago (证实了十年前一项突破性研究的影响): the word is about that study
YEARS_AGO_STUDY = re.compile(r"年前[^，。,；;]{0,4}$")
# what has been shown, in the passive perfect (经常食用新鲜蔬菜已被证明可降低…, 早已被证实): knowledge
# the article takes as established, not its reading of the new paper (综合两项研究来看，…已被证实
# draws it from the studies the sentence names)
ESTABLISHED = re.compile(r"(?:已经?|早已|早就|均已|都已)被(?:广泛|反复|多次|大量|充分)?(?:证明|证实)$")
STUDY_AFTER = re.compile(r"^[^，。,；;]{0,2}(?:研究|试验)")
NEGATED_BEFORE = re.compile("(?:" + "|".join(sorted((n for n in NEGATIONS if len(n) >= 2), key=len, reverse=True))
                            + ")[^，。,；;]{0,2}$")
QUESTION = re.compile(r"\?\s*$|？\s*$|吗\s*[?？]?\s*$|是否|能否|到底")   # [?？] as two literal branches: see INTERVENTION
QUESTION_END = re.compile(r"吗[?？]?\s*$")
SO_CALLED = re.compile(r"所谓\s*[“\"‘「]?$")            # 所谓“逆转”
META_AFTER = re.compile(r"\s*[”\"’」]?\s*(一词|这个词|二字|这个说法|的说法|更准确地指|是指|指的是|意味着)")
NONE_OF = re.compile(r"(均|都|全部|全都|皆)(未|没有|没|无)|无一")   # not 都不必: that is advice
# a sentence that says what the study did to its participants, not what readers should do
PROTOCOL = re.compile(r"随机|分配|分为|分成|受试者|参与者|参试者|研究对象|入组|试验组|干预组|对照组|研究中|试验中|"
                      r"研究人员|研究团队|接受了|纳入|"
                      # an arm of the study named as the subject (二甲双胍组:134人,每日服用2次): what it took
                      r"组[:：]|组(?:的)?(?:患者|参与者|受试者|成员)?(?:每日|每天|每周|每晚)")
IMPROVE = re.compile(r"促进|改善|提升|提高|再生|恢复|修复")


@dataclass
class Rule:
    code: str
    category: str
    severity: str
    message: dict
    words: list[str] = field(default_factory=list)
    patterns: list[re.Pattern] = field(default_factory=list)
    opts: dict = field(default_factory=dict)
    nf_re: Optional[re.Pattern] = None       # not_followed_by, compiled once
    np_re: Optional[re.Pattern] = None       # not_preceded_by, compiled once
    protocol_re: Optional[re.Pattern] = None  # protocol_clause: the clause describes the study's method
    outcome_re: Optional[re.Pattern] = None   # outcome_words: ... unless it also speaks of outcomes


# The extension points a rule file may use (Vale's manner: an option that is not one of these is
# an error naming the file, not silently ignored).
RULE_KEYS = {"code", "category", "severity", "message", "words", "patterns", "phrases"}
RULE_OPTIONS = {
    "not_followed_by": "regex (or list of alternatives) matched right after a hit: drops it (导致了952例 is a tally)",
    "not_after": "characters that may not stand right before a pattern's hit: drops it (功能下降 is no 能下降)",
    "not_preceded_by": "regex (or list of alternatives) searched in the 40 characters before a hit, ending where it starts: drops it "
                       "(痛风是由…沉积引起的: how a condition comes about, not the study's effect)",
    "requires_cited_source": "the sentence must rest on a cited paper",
    "requires_reference": "the sentence must rest on a paper with a summary",
    "requires_subject": "a sentence with no cited paper must name a treatment",
    "skip_if_background": "never fires in a sentence the attribution places outside every cited paper: "
                          "another source's or background (据统计, 世卫组织), or, in an article about one "
                          "paper it does not list, past the lead where the study is not carried "
                          "(放射治疗是鼻咽癌的根治手段); an unmarked sentence of an article that cites by "
                          "markers is still the writer's own claim",
    "requires_conclusion": "the paper's conclusion strength must be one of these",
    "requires_conclusion_cue": "the sentence must draw a conclusion (所以, 因此, 说明)",
    "escalate_if_conclusion": "error when the paper's conclusion strength is one of these",
    "escalate_if_design": "error when the paper's design is one of these",
    "escalate_if_scope": "error when a finding's scope is one of these",
    "escalate_if_population_differs": "error when the article's readers have a condition the paper did not study",
    "skip_if_design": "never fires over a paper of these designs",
    "unless_conclusion": "with skip_if_design: it fires all the same when the conclusion is one of these",
    "unless_flags": "with skip_if_design: it fires all the same over a paper carrying one of these design "
                    "flags (a meta-analysis of observational studies weighs as they do)",
    "requires_design": "fires only over a paper of these designs (animal, in_vitro: a result told as a treatment for people)",
    "unless_paper_says": "regex (any case): never fires over a paper whose own title, findings or conclusion "
                         "match it (首次发现 over \"for the first time\": the paper's claim, told faithfully)",
    "unless_sentence": "regex: never fires in a sentence it matches (one that says the work was in mice), "
                       "nor, over a paper of animal or cell work, where the next sentence on its line does",
    "skip_if_randomized": "never fires over randomised evidence (a trial, or a meta-analysis of trials)",
    "requires_headline": "fires only in a headline: a line of its own of at most 40 characters with no 。",
    "requires_paper_topic": "the sentence must name what the paper studied (its exposure or outcome): "
                            "a general mechanism (血栓会引发心梗) is no claim about its result",
    "requires_topic_near": "the cue's clause or the one before it must name what the paper studied: "
                           "a causal chain about something else (炎症损害髓鞘…导致症状) is no claim about its result; "
                           "read for drafted summaries, whose topic the whole lexicon names (a curated one is "
                           "read against the glossary alone, too few words to tell)",
    "requires_effect_on_topic": "the words after the cue, to the end of its clause, must name what the paper "
                                "studied or measured: a cause whose effect is something else (高血压可导致动脉硬化, over a paper "
                                "on dementia) is a mechanism or an aside, not the study's result (drafted summaries)",
    "skip_if_protocol": "never fires in a sentence that describes what the study did (随机分配, 受试者每周注射)",
    "skip_if_known_cause": "never fires where the sentence names a cause everyone knows as such "
                           "(吸烟是导致肺癌的首要因素, 人们知道饮酒对肝脏不好), not the study's result",
    "context_words": "fires only with one of these words in the sentence or the three before it",
    "human_words": "with context_words: a word about people must stand there too",
    "faithful_if_paper_scope_all": "not an overstatement where the paper's finding is about everyone in it",
    "protocol_clause": "regex of a clause describing the study's protocol",
    "outcome_words": "with protocol_clause: words of an outcome claim",
    "requires_claim_level": "the sentence, read by factcheck.text.strength, must claim one of these levels "
                            "(none, correlational, conditional_causal, direct_causal), neither denied nor hedged",
    "requires_paper_level": "the paper's drafted conclusion level (conclusion.level) must be one of these; "
                            "`negated`: its conclusion denies the relationship",
    "yields_to": "dropped in a sentence where one of these rules already fired (one finding per claim)",
    "unless_tested": "never fires on words that hold a number the paper supports: the regimen the study "
                     "tested, described (每天服用100mg阿司匹林的习惯 over a trial of 100 mg daily), is no "
                     "untested advice; told to the readers (糖友可以尽早安排3次输注) it still is",
    "in_compounds": "a word of the rule still counts inside a longer dictionary word made of it and another "
                    "word of two characters or more (确凿 in 证据确凿, 铁证 in 铁证如山); without it such a "
                    "word is what the text says (革命 in 革命老区)",
}


_DESIGN_OPTIONS = {"escalate_if_design", "skip_if_design", "requires_design"}
DESIGNS = get_args(Design)
_EXPERIMENT_DESIGNS = ("animal", "in_vitro")      # work in animals or cells, not in people


class RuleFileError(ValueError):
    """A rule file that cannot be used; the message names the file and the problem."""


def _rule_entry(f: Path, r) -> Rule:
    if not isinstance(r, dict) or not {"code", "category", "message"} <= r.keys():
        raise RuleFileError(f"{f}: each rule needs code, category and message")
    unknown = sorted(set(r) - RULE_KEYS - RULE_OPTIONS.keys())
    if unknown:
        raise RuleFileError(f"{f}: rule {r['code']}: unknown option {unknown[0]!r} "
                            f"(known: {', '.join(sorted(RULE_OPTIONS))})")
    for opt in _DESIGN_OPTIONS & r.keys():
        wrong = [d for d in r[opt] or () if d not in DESIGNS]
        if wrong:       # a misspelt design (cell for in_vitro) would leave the rule silent
            raise RuleFileError(f"{f}: rule {r['code']}: {opt}: unknown design {wrong[0]!r} "
                                f"(known: {', '.join(DESIGNS)})")
    try:
        patterns = [re.compile(p) for p in r.get("patterns", [])]
    except re.error as e:
        raise RuleFileError(f"{f}: rule {r['code']}: bad pattern: {e}") from None
    patterns += [_phrase_pattern(f, r["code"], ph) for ph in r.get("phrases", [])]
    return Rule(code=str(r["code"]), category=r["category"], severity=r.get("severity", "warning"),
                message=r["message"], words=[str(w) for w in r.get("words", [])], patterns=patterns,
                opts={k: v for k, v in r.items() if k not in RULE_KEYS},
                nf_re=_context_re(f, r, "not_followed_by"), np_re=_context_re(f, r, "not_preceded_by"))


def _context_re(f: Path, r: dict, opt: str) -> Optional[re.Pattern]:
    """A rule's ``not_followed_by`` or ``not_preceded_by``: one regex, or a list of alternatives
    (so that rules share one, a YAML anchor, instead of copying it into each string)."""
    v = r.get(opt)
    if not v:
        return None
    alts = v if isinstance(v, list) else [v]
    if not all(isinstance(a, str) and a for a in alts):
        raise RuleFileError(f"{f}: rule {r['code']}: {opt}: a regex or a list of regexes")
    try:
        return re.compile("|".join(alts))
    except re.error as e:
        raise RuleFileError(f"{f}: rule {r['code']}: {opt}: bad regex: {e}") from None


def _phrase_pattern(f: Path, code: str, ph) -> re.Pattern:
    """A ``phrases`` entry, {first: [可, 能, 会], then: [降低, 导致]}: every word of ``first``
    followed by every word of ``then`` (可降低, 能导致 …), with every word of an optional
    ``between`` list in the middle (可显著降低), as one alternation of literals, longest first, so
    that the article is scanned once for all of them. A new modal or verb is one more entry, not
    one more line per combination."""
    if not isinstance(ph, dict) or not ph.get("first") or not ph.get("then") or set(ph) - {"first", "between", "then"} \
            or ("between" in ph and not ph["between"]):
        raise RuleFileError(f"{f}: rule {code}: each phrases entry needs first and then word lists "
                            "(and, if it has one, a between list)")
    middle = [str(x) for x in ph.get("between") or [""]]
    words = sorted({str(a) + m + str(b) for a in ph["first"] for m in middle for b in ph["then"]},
                   key=lambda w: (-len(w), w))
    return re.compile("(" + "|".join(map(re.escape, words)) + ")")


@lru_cache(maxsize=8)
def load_rules(extra_dirs: tuple[str, ...] = ()) -> list[Rule]:
    """All rules: the bundled ones and those of the config's rules_dir, patterns compiled."""
    from factcheck.core.datafiles import safe_load

    rules: list[Rule] = []
    for d in (RULES_DIR, *map(Path, extra_dirs)):
        for f in sorted(Path(d).glob("*.yaml")):
            for r in safe_load(f.read_text("utf-8")) or []:
                rules.append(_rule_entry(f, r))
    for r in rules:
        if r.opts.get("protocol_clause"):
            r.protocol_re = re.compile(r.opts["protocol_clause"])
            r.outcome_re = re.compile(r.opts.get("outcome_words") or "(?!)")
    return rules


# jieba segments each run of these characters on its own (its re_han_default): the tokens of
# the run around a cue are the tokens the whole sentence would give there
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-][\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]*")   # X+ as XX*: a class to skip ahead to


class _Tokens:
    """Word boundaries of a sentence, segmented lazily: only the runs that hold a cue."""

    def __init__(self, text: str):
        self.text = text
        self.done: dict[tuple[int, int], list[tuple[int, str]]] = {}
        self.marks: dict[tuple[int, int], tuple[bool, bool, bool]] = {}   # clause -> see _context

    def block(self, pos: int) -> list[tuple[int, str]]:
        for m in _JIEBA_BLOCK.finditer(self.text, max(0, pos - 200), pos + 200):
            if m.start() <= pos < m.end():
                key = m.span()
                if key not in self.done:
                    out, p = [], m.start()
                    for tok in segment(m.group(0)):
                        out.append((p, tok))
                        p += len(tok)
                    self.done[key] = out
                return self.done[key]
        return []

    def aligned(self, s: int, e: int, in_compounds: bool = False) -> bool:
        """Does text[s:e] stand as whole words? jieba can only cut a dictionary word apart or
        merge it with a neighbour through another dictionary word that crosses its edges, so
        segmentation runs only when such a word exists (所有权 around 所有)."""
        if not _crossed(self.text, s, e):
            return True
        toks = self.block(s)
        starts = {p for p, _t in toks}
        ends = {p + len(t) for p, t in toks}
        if s in starts and e in ends:
            return True
        # a cue jieba cut across (硬核实锤 read as 硬|核实|锤): still a word when what the cut
        # leaves on either side completes to a dictionary word of two characters or more (硬核),
        # as another segmentation would have it. A cue inside one longer word (所有权, 革命老区,
        # 尚未证实) is not: that word is what the text says
        inside = next(((p, t) for p, t in toks if p <= s and e <= p + len(t)), None)
        if inside is not None:
            # (证据确凿 = 证据 + 确凿: the cue is one of the two words the compound joins)
            p, t = inside
            rest = t[:s - p] or t[e - p:]
            return in_compounds and (s == p or e == p + len(t)) and len(rest) >= 2 and bool(_words().get(rest))
        freq = _words()
        left = s in starts or any(2 <= s - a <= 6 and freq.get(self.text[a:s]) for a in starts)
        right = e in ends or any(2 <= b - e <= 6 and freq.get(self.text[e:b]) for b in ends)
        return left and right

    def before(self, lo: int, s: int, n: int = 3) -> list[str]:
        """The words just before ``s`` (segmented only when a negation character is near)."""
        if not _NEG_CHARS.search(self.text, max(lo, s - 6), s):
            return []
        words = [t for p, t in self.block(s) if lo <= p < s]
        if not words:
            # 而非「证明」: a quotation mark between the negation and the cue ends jieba's run
            q = s
            while q > lo and self.text[q - 1] in QUOTES + " 　":
                q -= 1
            if lo < q < s:
                words = [t for p, t in self.block(q - 1) if lo <= p < q]
        return words[-n:]


_NEG_CHARS = re.compile(r"[不没未非无难否别勿]")


def _crossed(text: str, s: int, e: int, longest: int = 6) -> bool:
    """Is there a dictionary word that overlaps text[s:e] and reaches outside it, or is the
    cue a phrase whose edges jieba may not keep? jieba's dictionary holds every prefix of its
    words (with frequency 0), so the words starting at a position are found by extending it
    while the text is still a prefix, as jieba builds its DAG."""
    freq = _words()
    if not freq.get(text[s:e]) and not _word_edged(text[s:e]):
        return True
    lo, hi = max(0, s - longest + 1), min(len(text), e + longest - 1)
    get = freq.get
    for a in range(lo, e):
        # a word from a must end past s (starting before the cue) or past e (starting inside),
        # and be two characters or more: if text[a:b] is no prefix, no longer word is either
        for b in range(max(a + 2, s + 1 if a < s else e + 1), min(hi, a + longest) + 1):
            f = get(text[a:b])
            if f is None:
                break                   # no dictionary word goes on with text[a:b]
            if f:
                return True
    return False


@lru_cache(maxsize=4096)
def _word_edged(cue: str) -> bool:
    """Does a phrase missing from the dictionary (所有代谢指标, 无法存活) open and close with
    dictionary words of two characters or more? Then, as for a dictionary word, only a word
    crossing its edges can move jieba's cuts there. A phrase opening or closing with a lone
    character (已证实, 确认了) can lose its edge to jieba's HMM, which joins runs of single
    characters into new words (团已, 了解): those are segmented. Measured on 61,000 corpus and
    random contexts around the rule phrases: no disagreement with jieba."""
    freq = _words()
    return (any(freq.get(cue[:k]) for k in range(2, len(cue)))
            and any(freq.get(cue[-k:]) for k in range(2, len(cue))))


@lru_cache(maxsize=1)
def _words() -> dict:
    """jieba's dictionary, looked up once (it is built when the pipeline is)."""
    return segmenter_words()


def _clause(text: str, s: int, e: int) -> tuple[int, int]:
    """Bounds of the clause around text[s:e] (split at ，,；;：: outside brackets): the clause
    starts of a sentence are computed once and shared with matching."""
    cuts = clause_cuts(text)
    return cuts[bisect.bisect_right(cuts, s) - 1], cuts[bisect.bisect_left(cuts, e)]


def _faithful(rule: Rule, text: str, s: int, e: int, summ: Optional[Summary]) -> bool:
    """Is the scope word at text[s:e] faithful where it stands (the rule's options)?
    ``protocol_clause``: its clause describes the study's own method and says nothing of
    outcomes (所有受试者经随机分配). ``faithful_if_paper_scope_all``: a universal negative
    (所有受试者均未出现…) about a finding the cited paper states of everyone (scope: all),
    named in the clause by a keyword other than the listed population words."""
    population = rule.opts.get("faithful_if_paper_scope_all")
    if rule.protocol_re is None and population is None:
        return False
    lo, hi = _clause(text, s, e)
    if (rule.protocol_re is not None and rule.protocol_re.search(text, lo, hi)
            and not rule.outcome_re.search(text, lo, hi)):
        return True
    if population is None or summ is None or not summ.available or not NONE_OF.search(text, e, hi):
        return False        # 所有患者都获益 is the claim the rule is for
    clause = text[lo:hi]
    return any(len(kw) >= 2 and kw not in population and kw in clause
               for f in summ.findings if f.scope == "all" for kw in f.keywords)


def _hedged_chain(text: str, lo: int, before: str) -> bool:
    """Does the clause at ``lo`` continue a hedged clause as its consequence? Its words before
    the cue only chain (并, 从而, 随后 …) and one of the two clauses before it is hedged."""
    if before.strip() not in CHAIN_OPENERS or lo == 0:
        return False
    cuts = clause_cuts(text)
    k = bisect.bisect_right(cuts, lo) - 1
    return bool(HEDGE_RE.search(text, cuts[max(0, k - 2)], lo))


def _association_frame(text: str, s: int, e: int) -> bool:
    """Does the causal cue at text[s:e] stand inside 与…有关 (an association named as such)?"""
    lo, hi = _clause(text, s, e)
    if text.find("与", lo, s) < 0 and text.find("和", lo, s) < 0 and text.find("跟", lo, s) < 0:
        return False        # (a literal test first: most causal cues stand in no such frame)
    return bool(ASSOCIATION_BEFORE.search(text, lo, s) and ASSOCIATION_AFTER.search(text[e:hi]))


def _topic_near(text: str, s: int, e: int, summ: Summary) -> bool:
    """Does the cue's clause, or the clause before it, name what the paper studied? A causal
    chain about something else (炎症会损害髓鞘…并导致各种症状, 这是造成推行不易的主因) is a
    mechanism or an aside, not the study's result, even in a sentence that names the topic."""
    lo, hi = _clause(text, s, e)
    cuts = clause_cuts(text)
    k = bisect.bisect_right(cuts, lo) - 1
    start = cuts[k - 1] if k > 0 else lo
    return _names_paper_topic(text[start:hi], summ)


def _context(text: str, s: int, e: int, tokens: "_Tokens") -> Optional[str]:
    """Why a cue at text[s:e] is not the article's own assertion, or None if it is."""
    lo, hi = _clause(text, s, e)
    marks = tokens.marks.get((lo, hi))
    if marks is None:       # what the clause says as a whole, read once for all its cues
        clause = text[lo:hi]
        marks = tokens.marks[lo, hi] = (
            bool(QUESTION.search(clause) or (hi == len(text) and QUESTION_END.search(text))),
            bool(WARNED.search(clause)), bool(HEDGE_RE.search(clause)))
    question, warned, hedged = marks
    before, after = text[lo:s], text[e:hi]
    if question:
        return "question"
    if PURPOSE.search(before) or (before.endswith("为") and (len(before) < 2 or before[-2] not in "作成认因称以")
                                  and text[s:s + 1] in PROOF_VERB_FIRST):
        return "purpose"        # 为证实研究结果…: an aim, not a claim (营养补充为每天… is a copula)
    since = max(text.rfind("；", 0, s), text.rfind(";", 0, s)) + 1    # a semicolon ends reported speech
    if EARLIER_RESEARCH.search(before) or _other_research_said(text, since, s) or (
            text.find("被", max(lo, s - 8), e) >= 0 and ESTABLISHED.search(text, max(lo, s - 8), e)
            and text.find("研究", 0, s) < 0) or (
            "年前" in before and YEARS_AGO_STUDY.search(before) and STUDY_AFTER.match(after)):
        return "other_research"     # 过去的研究已经证实…: other evidence, not the paper's claim
    if (text.find("因果", since, s) >= 0 and CAUSATION_SUPPOSED.search(text, since, s)) or _hedged_chain(text, lo, before):
        return "hedged"
    if SO_CALLED.search(before) or (before[-1:] in QUOTES and META_AFTER.match(after)):
        return "quoted"
    if warned or LIMITED.search(after) or WARNED.search(text, hi):
        return "negated"   # 切勿轻信…, also in a later clause; or limited after the cue: 直接恢复有限
    if hedged or PENDING_BEFORE.search(before) or before.endswith("或"):
        return "hedged"     # (或 right before the claim's verb is 或许: 木糖醇或增加心脏病风险)
    if REPORTED_VERB.search(text, since, s) and REPORTERS.search(text, since, s) or (
            ("被" in before or "据信" in before) and BELIEVED.search(before)):
        return "reported"
    if text.find("知", since, s) >= 0 and KNOWN_BEFORE.search(text, since, s):     # (each branch holds 知: a cheap test first)
        return "known"      # 众所周知，海拔和饮酒都会对心脏造成负担: what everyone knows, not the study's claim
    if (before and before[-1] in "不未没") or _negating_tokens(tokens.before(lo, s)) or NEGATED_BEFORE.search(before) \
            or (_NEGATING_CHARS.intersection(before) and NOT_MEANT.search(before)):
        # (不会增加: the 不 right before the cue's modal, which segmentation joins to it as 不会)
        return "negated"   # 不能证实, 并非… (as words: 不仅 is not 不)
    return None


# what may stand between a one-character negation and the cue it negates (不会增加, 未能显著降低)
_BETWEEN_NEGATION = frozenset({"会", "能", "可", "可以", "能够", "一定", "太", "显著", "明显", "再", "必", "必然",
                               "足以", "直接", "是", "曾", "大", "大幅", "有效"})


def _negating_tokens(before: list[str]) -> bool:
    """Do the tokens before a cue negate it? A negation word (没有, 并非, 不能) does wherever it
    stands; a one-character one (不, 未) only with nothing but a modal or an adverb after it: in
    长期不规律夜班可增加… it negates 规律, an adjective, not the verb."""
    for k, tok in enumerate(before):
        if tok in NEGATIONS and (len(tok) >= 2 or all(x in _BETWEEN_NEGATION for x in before[k + 1:])):
            return True
    return False


def _dropped(rule: Rule, text: str, a: int, b: int) -> bool:
    """Does what stands around a hit at text[a:b] drop it: not_followed_by right after it,
    not_preceded_by in the 40 characters before it?"""
    return bool((rule.nf_re and rule.nf_re.match(text, b)) or (rule.np_re and rule.np_re.search(text, max(0, a - 40), a)))


def _pattern_hits(rule: Rule, positions, text: str, raw: list) -> None:
    """Adds to ``raw`` the spans of the rule's patterns (those at ``positions``) in the sentence,
    less those its not_followed_by, not_preceded_by or not_after drops."""
    na = rule.opts.get("not_after")
    for pi in positions:
        for m in rule.patterns[pi].finditer(text):
            a, b = m.span()
            if not _dropped(rule, text, a, b) and not (na and a and text[a - 1] in na):
                raw.append((a, b, rule, False))


def _build_without_levels(rules: list[Rule]) -> list[Rule]:
    """The rules less those that read a drafted conclusion level (requires_paper_level)."""
    return [r for r in rules if "requires_paper_level" not in r.opts]


# one list per rule list, so that its scan plan is built once too
_without_levels = ObjectCache(_build_without_levels, limit=16)


_by_papers = ObjectCache(lambda rules: {}, limit=16)


def _can_fire(rule: Rule, papers: frozenset) -> bool:
    """Can the rule fire in an article citing these papers ((design, randomised, conclusion
    strength, design flags), or None for a reference without a usable summary)? A rule that needs a cited
    paper cannot where every cited paper is of a design it skips; a rule for animal or cell
    papers cannot where none is."""
    o = rule.opts
    if "requires_design" in o and not any(p and p[0] in o["requires_design"] for p in papers):
        return False
    if not o.get("requires_cited_source") or not papers or None in papers:
        return True
    return not all((p[0] in o.get("skip_if_design", ()) and p[2] not in o.get("unless_conclusion", ())
                    and not set(o.get("unless_flags", ())) & p[3])
                   or (o.get("skip_if_randomized") and p[1]) for p in papers)


def _for_papers(rules: list[Rule], papers: frozenset) -> list[Rule]:
    """The rules that can fire over these cited papers (one list per rule list and set of
    papers, so that its scan plan is built once too): a rule that cannot is not scanned."""
    lists = _by_papers(rules)
    if papers not in lists:
        lists[papers] = [r for r in rules if _can_fire(r, papers)]
    return lists[papers]


def _rules_for(article: Article, store: Store, config: Config, all_summaries: list) -> list[Rule]:
    """The rules that can fire over the article's cited papers: only those are scanned for."""
    rules = load_rules(tuple(config.rules_dirs))
    if not any(s.conclusion.level for _i, s in all_summaries):
        # no cited paper carries a drafted conclusion level (curated summaries need not): its
        # rules cannot fire, and scanning for them cost 2 % of a check
        rules = _without_levels(rules)
    papers = frozenset((s.design, "randomized" in s.design_flags, s.conclusion.strength, frozenset(s.design_flags))
                       if (s := store.get(r.summary_id)) is not None and s.available else None
                       for r in article.references)
    return _for_papers(rules, papers)


def find_overstatements(article: Article, sentences: list[Sentence], attributions: dict[int, Attribution],
                        claims: list[Claim], store: Store, config: Config,
                        mentions: Sequence[Mention] = ()) -> list[Overstatement]:
    """Each sentence's overstatements; ``mentions`` (with ``claims``' verdicts on them) tell the
    numbers the paper supports, for the rules that read them (``unless_tested``)."""
    norm = article.norm or article.text
    summ_of = {r.index: store.get(r.summary_id) for r in article.references}
    all_summaries = [(r.index, s) for r in article.references if (s := store.get(r.summary_id)) and s.available]
    rules = _rules_for(article, store, config, all_summaries)
    claim_by_sentence = {(c.start, c.end): c for c in claims}
    audience = _Audience(norm, article)
    out: list[Overstatement] = []
    rules_at, word_hits, pattern_hits = _rules_by_sentence(rules, norm, sentences)
    paper_hits = _paper_term_sentences(all_summaries, norm, sentences)
    firm = _estimates_told_firmly(norm, sentences, claims, mentions, summ_of, rules)
    only = the_one_paper(article)
    # (its lead: the sentences before the first that the attribution pins on the study)
    lead_end = min((k for k, a in attributions.items() if a.reference is not None), default=len(sentences)) \
        if only is not None else 0
    for i in sorted(rules_at.keys() | paper_hits.keys() | firm.keys()):   # only sentences where something can fire
        s = sentences[i]
        text = norm[s.start:s.end]
        att = attributions.get(i)
        ref_idx = att.reference if att else None
        on_topic_only = False
        if ref_idx is None and only is not None and (att is None or att.how == "none") and i < lead_end:
            # an article about one study it does not list: a claim in words on that study's topic,
            # with no source of its own (母乳喂养能降低儿童患白血病的风险。), is the article's
            # reading of the study; the rules that test the topic weigh it against the paper
            ref_idx, on_topic_only = only, True
        summ = summ_of.get(ref_idx)
        claim = claim_by_sentence.get((s.start, s.end))
        tokens = _Tokens(text)
        raw: list[tuple[int, int, Rule, bool]] = []      # (start, end, rule, must align with words)
        here = rules_at.get(i, ())
        nulls_here = False
        if here:
            words_here, patterns_here = word_hits.get(i, {}), pattern_hits.get(i, {})
            for rule in here:
                if rule.code == "FC212":
                    nulls_here = True
                    continue   # paper-aware: _null_results decides
                for a, b in words_here.get(id(rule), ()):
                    if not _dropped(rule, text, a, b):
                        raw.append((a, b, rule, True))
                if id(rule) in patterns_here:       # (most rules that can fire here hold only words)
                    _pattern_hits(rule, patterns_here[id(rule)], text, raw)
        raw.extend((a, b, r, False) for a, b, r in _paper_aware(text, summ, all_summaries, rules, paper_hits.get(i),
                                                                nulls_here, firm.get(i, ())))
        if raw and ref_idx is None and _outside_the_papers(att, text, only is not None and i >= lead_end):
            raw = [h for h in raw if not h[2].opts.get("skip_if_background")]
        if not raw:
            continue
        kept, sev_of, paper_of = _weigh_hits(raw, text, i, sentences, norm, (ref_idx, summ, on_topic_only),
                                             audience, tokens, claim, mentions, s.start)
        if any(r.opts.get("yields_to") for _a, _b, r in kept):
            fired = {r.code for _a, _b, r in kept}
            kept = [k for k in kept if not fired & set(k[2].opts.get("yields_to") or ())]
        for st, en, rule in _merge(_dedupe(kept)):
            sev = sev_of[id(rule)]
            sev = config.severity_of(rule.code, sev)
            r_idx, r_summ = paper_of[id(rule)]
            wording = _paper_wording(rule, r_summ, text)
            ref_of_hit = rule.opts.get("ref_idx", r_idx)
            args = _args(rule, text[st:en], r_summ, wording, ref_of_hit)
            a, b = s.start + st, s.start + en
            out.append(Overstatement(
                id=f"o{len(out) + 1}", start=a, end=b, line=s.line, surface=article.text[a:b],
                category=rule.category, severity=sev, message="", rule=rule.code,
                claim_id=claim.id if claim else None, reference=ref_of_hit, paper_wording=wording,
                context="assertion", args=args))
    return out


def _outside_the_papers(att: Optional[Attribution], text: str, past_lead: bool) -> bool:
    """Does the attribution place the sentence ``text`` outside every cited paper? Another
    source's or background, by a cue of its own (a source carried from the sentence before,
    某主任在直播中说过… / 只要把免疫调好，…完全可以根治, may be the writer's own words again), or, in
    an article about one paper it does not list (``past_lead``), a sentence past the lead into
    which the study is not carried."""
    if att is None:
        return past_lead
    if att.how in ("other_source", "background"):
        return bool(att.cue) and att.cue in text
    return past_lead and att.how == "none"


def _weigh_hits(raw: list, text: str, i: int, sentences: list[Sentence], norm: str, paper: tuple,
                audience: "_Audience", tokens: "_Tokens", claim: Optional[Claim], mentions: Sequence[Mention],
                s_start: int) -> tuple[list, dict, dict]:
    """The hits of one sentence that survive the paper and the context: (kept, severity by rule,
    paper by rule). ``paper``: (reference index, summary, whether the sentence is the lead's
    unsourced claim on the one paper's topic, which only the rules that test the topic weigh)."""
    ref_idx, summ, on_topic_only = paper
    # cheap tests first (the paper, the clause); jieba only for hits that survive them
    kept = []
    sev_of: dict = {}
    paper_of: dict = {}     # the paper each rule weighed its hit against
    for st, en, rule, align in raw:
        r_idx, r_summ = ref_idx, summ
        if on_topic_only and not (rule.opts.get("requires_paper_topic") and summ is not None
                                  and _names_paper_topic(text, summ)):
            r_idx, r_summ = None, None      # (the other rules read the sentence as unsourced, as before)
        sev = _judge(rule, text, i, sentences, norm, r_summ, r_idx, audience)
        if sev is None or _context(text, st, en, tokens) is not None or _faithful(rule, text, st, en, r_summ):
            continue
        if rule.category in ("scope", "certainty") and HYPOTHETICAL.search(text, max(0, st - 60), st):
            continue        # 如果每个中国人每天吃水果…: everyone supposed, not everyone claimed; 如果这一
            #                 结果得到证实: a proof supposed (a causal claim under a condition still claims)
        if rule.category == "causal" and _association_frame(text, st, en):
            continue
        if rule.opts.get("requires_topic_near") and r_summ is not None and not r_summ.curated \
                and not _topic_near(text, st, en, r_summ):
            continue
        if rule.opts.get("requires_effect_on_topic") and r_summ is not None and not r_summ.curated \
                and not _names_measured(text[en:_clause(text, st, en)[1]], r_summ):
            continue
        if align and not tokens.aligned(st, en, bool(rule.opts.get("in_compounds"))):
            continue
        if rule.opts.get("unless_tested") and not ADDRESSED.search(text, st, en) \
                and _holds_supported(claim, mentions, s_start + st, s_start + en):
            continue
        kept.append((st, en, rule))
        sev_of.setdefault(id(rule), sev)
        paper_of.setdefault(id(rule), (r_idx, r_summ))
    return kept, sev_of, paper_of


def _paper_aware(text: str, summ: Optional[Summary], all_summaries: list, rules: list[Rule],
                 present: Optional[set], nulls_here: bool, firm) -> list:
    """The hits of the rules the paper itself decides (FC210, FC211, FC212, FC221) in a sentence:
    ``present``, the paper's terms it names; ``nulls_here``, FC212's words in it; ``firm``, its
    non-significant estimates told firmly."""
    out: list = []
    if present:
        out += _contradictions(text, summ, all_summaries, rules, present)
        out += _unmeasured(text, summ, rules, present)
    if nulls_here:
        out += _null_results(text, summ, rules)
    return out + list(firm)


def _holds_supported(claim: Optional[Claim], mentions: Sequence[Mention], a: int, b: int) -> bool:
    """Does article[a:b] hold a number of the claim that the paper supports?"""
    if claim is None or not mentions:
        return False
    ok = {v.mention_id for v in claim.mention_verdicts if v.verdict == "supported"}
    return any(m.id in ok and a <= m.start and m.end <= b for m in mentions)


def _rules_by_sentence(rules: list[Rule], norm: str, sentences: list[Sentence]
                       ) -> tuple[dict[int, list[Rule]], dict[int, dict[int, list[tuple[int, int]]]],
                                  dict[int, dict[int, list[int]]]]:
    """Which rules can fire in which sentence, where each rule's words stand in it
    (sentence-relative, the longest word of the rule at each start), and which of each rule's
    patterns can match there (their positions in ``rule.patterns``).

    One scan of the article finds the words of all rules and, for each pattern, the literals
    one of which every match holds (wordscan.required_literals): the pattern can match only
    in a sentence holding one, and is tried there, alone of its rule's patterns, by the caller.
    A pattern that requires no literal of two characters or more is scanned over the article
    on its own (one alternation of them loses the regex engine's literal-prefix search)."""
    if not sentences:
        return {}, {}, {}
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    lo, hi = sentences[0].start, sentences[-1].end
    hits: dict[int, set[int]] = {}        # sentence -> positions in ``rules`` of rules that can fire
    words: dict[int, dict[int, list[tuple[int, int]]]] = {}    # sentence -> id(rule) -> spans
    pats: dict[int, dict[int, set[int]]] = {}                  # sentence -> id(rule) -> pattern positions
    sc = _scan_plan(rules)
    last: tuple[int, set] = (-1, set())   # rules already given their longest word at this start
    for pos, w in sc.index.occurrences(norm, lo, hi):
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0:
            continue
        owners = sc.word_owners.get(w)
        if owners:
            hits.setdefault(k, set()).update(owners)
        if pos + len(w) > ends[k]:
            continue                      # runs past the sentence: not a word of it
        if w in sc.needle_owners:
            here_p = pats.setdefault(k, {})
            for j, pi in sc.needle_owners[w]:
                hits.setdefault(k, set()).add(j)
                here_p.setdefault(id(rules[j]), set()).add(pi)
        if not owners:
            continue
        if last[0] != pos:
            last = (pos, set())
        here = words.setdefault(k, {})
        for j in owners:                  # prefixes come longest first: the first is the longest
            if j not in last[1]:
                last[1].add(j)
                here.setdefault(id(rules[j]), []).append((pos - starts[k], pos - starts[k] + len(w)))
    for j, pi, rx, gate in sc.scanned:
        if gate and gate not in norm:
            continue
        for m in rx.finditer(norm, lo, hi):
            k = bisect.bisect_right(starts, m.start()) - 1
            if k >= 0:
                hits.setdefault(k, set()).add(j)
                pats.setdefault(k, {}).setdefault(id(rules[j]), set()).add(pi)
    if sc.heads:        # a rule for headlines only is not tried elsewhere (its patterns are not run)
        for k, js in hits.items():
            if not sc.heads.isdisjoint(js) and not _headline(norm, sentences[k]):
                js -= sc.heads
    return ({k: [rules[j] for j in sorted(js)] for k, js in hits.items() if js}, words,
            {k: {r: sorted(ps) for r, ps in by_rule.items()} for k, by_rule in pats.items()})


@dataclass
class _ScanPlan:
    index: WordIndex                                  # rule words and pattern literals
    word_owners: dict[str, tuple[int, ...]]           # rule word -> rules (by position) owning it
    needle_owners: dict[str, tuple[tuple[int, int], ...]]   # pattern literal -> (rule, pattern) needing it
    scanned: list[tuple[int, int, re.Pattern, str]]   # (rule, pattern, regex, a literal it needs) scanned over the article
    heads: frozenset[int] = frozenset()               # the rules (by position) that fire in headlines only


def _build_scan_plan(rules: list[Rule]) -> _ScanPlan:
    owners: dict[str, list[int]] = {}
    needles: dict[str, list[tuple[int, int]]] = {}
    scanned: list[tuple[int, int, re.Pattern, str]] = []
    for j, rule in enumerate(rules):
        for w in rule.words:
            owners.setdefault(w, []).append(j)
        for pi, rx in enumerate(rule.patterns):
            words = plain_words(rx)
            if words is not None:
                for a in words:      # 保护心血管|护肝: its words are its needles
                    needles.setdefault(a, []).append((j, pi))
                continue
            # the most telling entry: one-character literals (也, 每) occur everywhere, and of
            # the rest the longest, then the fewest, alternatives are the rarest
            req = [alts for alts in required_literals(rx.pattern) if all(len(a) >= 2 for a in alts)]
            if not req:
                # scanned over the article on its own, where it holds a character each match
                # needs ((扎不下|无法扎)根: 扎)
                gate = next((alts for alts in required_literals(rx.pattern) if len(alts) == 1), ())
                scanned.append((j, pi, rx, gate[0] if gate else ""))
                continue
            for a in max(req, key=lambda alts: (min(map(len, alts)), -len(alts))):
                needles.setdefault(a, []).append((j, pi))
    return _ScanPlan(WordIndex(list(owners) + list(needles)), {w: tuple(js) for w, js in owners.items()},
                     {w: tuple(js) for w, js in needles.items()}, scanned,
                     frozenset(j for j, r in enumerate(rules) if r.opts.get("requires_headline")))


_scan_plan = ObjectCache(_build_scan_plan, limit=16)     # rule lists come from load_rules(), cached


def _build_paper_terms(s: Summary) -> frozenset:
    """Measures a paper found unchanged, and constructs it did not measure."""
    terms = {kw for f in s.findings if f.direction == "none" or f.significant is False
             for kw in f.keywords if len(kw) >= 2}
    return frozenset(terms | {t for t in s.not_measured if t})


_paper_terms = ObjectCache(_build_paper_terms)


@lru_cache(maxsize=64)
def _terms_index(terms: frozenset) -> WordIndex:
    return WordIndex(terms)


def _paper_term_sentences(summaries: list[tuple[int, Summary]], norm: str, sentences: list[Sentence]
                          ) -> dict[int, set[str]]:
    """Sentences naming a measure a cited paper found unchanged, or a construct it did not
    measure, with the terms each names: only these can hold a contradiction (FC210) or an
    unmeasured conclusion (FC211)."""
    terms = frozenset().union(*(_paper_terms(s) for _i, s in summaries))
    if not terms or not sentences:
        return {}
    starts = [x.start for x in sentences]
    out: dict[int, set[str]] = {}
    for pos, t in _terms_index(terms).occurrences(norm, sentences[0].start, sentences[-1].end):
        k = bisect.bisect_right(starts, pos) - 1
        out.setdefault(k, set())
        if pos + len(t) <= sentences[k].end:
            out[k].add(t)
    return out


def _merge(hits, gap: int = 40):
    """One finding per rule and passage of a sentence: hits of one rule within ``gap``
    characters become one span (两个 scope words in one clause are one overstatement)."""
    out: list = []
    for h in sorted(hits, key=lambda h: h[0]):
        prev = next((i for i in range(len(out) - 1, -1, -1) if out[i][2].code == h[2].code), None)
        if prev is not None and h[0] - out[prev][1] <= gap:
            out[prev] = (out[prev][0], max(out[prev][1], h[1]), out[prev][2])
        else:
            out.append(h)
    return out


def _dedupe(hits):
    """Keep the longest hit where hits of one rule overlap; sort by position."""
    hits = sorted(hits, key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list = []
    for h in hits:
        if any(k[2].code == h[2].code and h[0] < k[1] and k[0] < h[1] for k in kept):
            continue
        kept.append(h)
    return kept


def _build_topic_groups(s: Summary) -> frozenset:
    """What a paper studied, as glossary groups: its title, population, conclusion and terms."""
    gl = load_glossary(lexicon=not s.curated)
    text = " ".join([s.title, s.title_zh or "", s.population.who, s.conclusion.text]
                    + [t for ts in s.terms.values() for t in ts] + list(s.aliases))
    return frozenset(gl.with_broader(gl.groups_in(text) - gl.not_topics))


_topic_groups = ObjectCache(_build_topic_groups)


def _build_topic_words(s: Summary) -> tuple[str, ...]:
    """The Chinese terms of what a drafted paper studied, for a substring test: segmentation
    reads 死亡风险 as one term of its own, and the paper's 死亡 must still be found in it."""
    gl = load_glossary(lexicon=True)
    return tuple(sorted({t for g in _topic_groups(s) for t in gl.groups.get(g, ())
                         if len(t) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", t)}))


_topic_words = ObjectCache(_build_topic_words)


def _names_paper_topic(text: str, s: Summary) -> bool:
    gl = load_glossary(lexicon=not s.curated)
    topic = _topic_groups(s)
    if not topic or topic & gl.groups_in(text):
        return True
    return not s.curated and any(w in text for w in _topic_words(s))


def _build_measured(s: Summary) -> frozenset:
    """What a drafted paper studied or measured: its topic and every condition or outcome its
    findings name (with their broader groups), for the effect a causal verb names."""
    gl = load_glossary(lexicon=True)
    named = set().union(*(gl.groups_in(f.text) for f in s.findings)) if s.findings else set()
    # (a condition people have is something a paper measures, though the glossary names its seed
    # papers' population, type 2 diabetes, as no topic of theirs)
    return frozenset(_topic_groups(s) | gl.with_broader(named - (gl.not_topics - gl.conditions)))


_measured = ObjectCache(_build_measured)


def _names_measured(text: str, s: Summary) -> bool:
    return bool(_measured(s) & load_glossary(lexicon=True).groups_in(text)) or _names_paper_topic(text, s)


class _Audience:
    """What the article's readers have, worked out only when a rule asks (one scan of the
    article per check would be paid by every article, for a rule that rarely fires)."""

    def __init__(self, norm: str, article: Article):
        self.norm, self.article, self._groups = norm, article, None

    @property
    def groups(self) -> frozenset:
        if self._groups is None:
            self._groups = _audience(self.norm, self.article)
        return self._groups


def _general(text: str) -> bool:
    """The sentence speaks from general knowledge (众所周知, 据统计), not of the cited study."""
    return general_cue(text)


def _audience(norm: str, article: Article) -> frozenset:
    """What the article's readers have: the condition (glossary ``conditions``) it names most."""
    from collections import Counter

    gl = load_glossary(lexicon=bool(article.references) and all(is_implicit(r) for r in article.references))
    counts = Counter(gl.term_group[m.group()] for m in gl.condition_re.finditer(norm[:20000].lower()))
    return frozenset(g for g, _n in counts.most_common(1))


def _build_studied(summ: Summary) -> frozenset:
    """The groups naming whom a paper studied: its title and population (a parenthesis there,
    "(not women with …)", says whom it did not)."""
    gl = load_glossary(lexicon=not summ.curated)
    who = re.sub(r"[(（][^)）]*[)）]", "", summ.population.who)
    return frozenset(gl.groups_in(" ".join([summ.title, summ.title_zh or "", who, summ.population.condition or ""])))


_studied = ObjectCache(_build_studied)


def _population_differs(audience: frozenset, summ: Summary) -> bool:
    """Advice to readers with a condition the paper did not study: the article's condition is
    not named where the paper says whom it studied."""
    return bool(audience) and not (audience & _studied(summ))


def _paper_says(summ: Summary, pattern: str) -> bool:
    """Do the paper's own words (title, findings, conclusion) match ``pattern``? (Once per
    paper and pattern: a batch asks it of the same summaries over and over.)"""
    said = _said_by(summ)
    if pattern not in said:
        words = " ".join([summ.title, summ.conclusion.text, summ.conclusion.sentence or ""]
                         + [f.text for f in summ.findings])
        said[pattern] = re.search(pattern, words, re.I) is not None
    return said[pattern]


_said_by: ObjectCache[dict] = ObjectCache(lambda summ: {})


HEADLINE_LENGTH = 40


def _headline(norm: str, s: Sentence) -> bool:
    """Is the sentence a headline: a line of its own, short, with no full stop (a title, a
    subheading, a caption's claim), not a sentence of the body? (A sentence longer than a
    headline is none: its line is not looked at.)"""
    if s.end - s.start > HEADLINE_LENGTH + 2:
        return False
    lo = norm.rfind("\n", 0, s.start) + 1
    hi = norm.find("\n", s.end)
    line = norm[lo:hi if hi >= 0 else len(norm)].strip()
    return 0 < len(line) <= HEADLINE_LENGTH and "。" not in line


def _judge(rule: Rule, text: str, i: int, sentences: list[Sentence], norm: str, summ: Optional[Summary],
           ref_idx: Optional[int], audience: "_Audience") -> Optional[str]:
    """The severity this hit deserves given the paper, or None to drop it."""
    o = rule.opts
    sev = rule.severity
    if o.get("requires_reference") and summ is None:
        return None
    if o.get("requires_cited_source") and ref_idx is None:
        return None     # without a cited paper there is no design to weigh the verb against
    if o.get("requires_subject") and ref_idx is None and not INTERVENTION.search(text):
        return None     # "逆转胰岛素抵抗才是关键" names no treatment and no source
    if o.get("requires_conclusion_cue") and not CONCLUSION_CUE.search(text):
        return None
    if "requires_conclusion" in o:
        strength = summ.conclusion.strength if summ else "unknown"
        if strength not in o["requires_conclusion"]:
            return None
    if "escalate_if_conclusion" in o:
        strength = summ.conclusion.strength if summ else "unknown"
        if strength in o["escalate_if_conclusion"] and ref_idx is not None:
            sev = "error"
    if "requires_design" in o and (summ is None or summ.design not in o["requires_design"]):
        return None
    if "unless_sentence" in o and (re.search(o["unless_sentence"], text) or (
            summ is not None and summ.design in _EXPERIMENT_DESIGNS and i + 1 < len(sentences)
            and sentences[i + 1].line == sentences[i].line and re.search(o["unless_sentence"], sentences[i + 1].text))):
        # (over a paper of animal or cell work, 逆转了衰老迹象！只是现在还是小鼠的寿命: the next
        # sentence says it; over a paper of people and mice, the mice of the next are other work)
        return None
    if "unless_paper_says" in o and summ is not None and _paper_says(summ, o["unless_paper_says"]):
        return None
    if "skip_if_design" in o and summ and summ.design in o["skip_if_design"] \
            and summ.conclusion.strength not in o.get("unless_conclusion", ()) \
            and not set(o.get("unless_flags", ())) & set(summ.design_flags):
        return None
    if o.get("skip_if_randomized") and summ and "randomized" in summ.design_flags:
        return None
    if "requires_paper_level" in o:
        level = summ.conclusion.level if summ else None
        if level is None:
            return None     # a curated summary without the field: the rule does not apply
        if level not in o["requires_paper_level"] and not (
                summ.conclusion.negated and "negated" in o["requires_paper_level"]):
            return None
    if "requires_claim_level" in o:
        from factcheck.text.strength import read

        claim = read(text, "zh")
        if claim.level not in o["requires_claim_level"] or claim.negated or claim.hedged:
            return None
    if o.get("requires_paper_topic") and summ is not None and not _names_paper_topic(text, summ):
        return None
    if o.get("requires_cited_source") and _general(text) and not reports_finding(text):
        return None     # 众所周知…: general knowledge, not the cited study (last: a regex over the sentence)
    if o.get("skip_if_protocol") and PROTOCOL.search(text):
        return None
    if o.get("skip_if_known_cause") and KNOWN_CAUSE.search(text) and not speaks_of_research(text):
        return None
    if "escalate_if_design" in o and ref_idx is not None:
        design = summ.design if summ else "unknown"
        if design in o["escalate_if_design"]:
            sev = "error"
    if "escalate_if_scope" in o and summ:
        if any(f.scope in o["escalate_if_scope"] for f in summ.findings):
            sev = "error"
    if "context_words" in o:
        window = norm[sentences[max(0, i - 3)].start:sentences[i].end]
        if not any(w in window for w in o["context_words"]):
            return None
        if not any(w in text for w in o.get("human_words", [])) and not any(
                w in window for w in o.get("human_words", [])):
            return None
    if o.get("escalate_if_population_differs") and summ is not None and _population_differs(audience.groups, summ):
        sev = "error"
    return sev


def _contradictions(text: str, summ: Optional[Summary], all_summaries: list[tuple[int, Summary]],
                    rules: list[Rule], present: set[str]):
    """The article asserts improvement of a measure that a cited paper found did not improve
    (``present``: the paper terms the sentence holds)."""
    rule = next((r for r in rules if r.code == "FC210"), None)
    if rule is None or not present or NULL_SAID.search(text):
        return []       # 在减轻体重、改善体脂方面并不比…更有益: the sentence tells the null result
    out = []
    for idx, s in ([(None, summ)] if summ else all_summaries):
        if not s.available:
            continue
        rows, by_kw = _null_keywords(s)
        named = sorted({i for kw in present if kw in by_kw for i in by_kw[kw]})
        for f, kws in (rows[i] for i in named):      # only findings whose words the sentence holds
            for kw in kws:
                if kw not in present:
                    continue
                pos = text.find(kw)
                if pos < 0:
                    continue
                verb = IMPROVE.search(text, max(0, pos - 8), pos + len(kw) + 8)
                if verb and not any(n in text[max(0, verb.start() - 3):verb.start()] for n in NEGATIONS):
                    a, b = min(verb.start(), pos), max(verb.end(), pos + len(kw))
                    out.append((a, b, _with_finding(rule, s, f, idx)))
                    break
    return out


def _build_null_keywords(s: Summary) -> tuple[list, dict[str, tuple[int, ...]]]:
    """(finding, its keywords of 2+ characters, longest first) for each finding of a paper
    that saw no change, and for each keyword the positions of the findings holding it (a
    sentence is tested only for the findings it names)."""
    rows = [(f, [kw for kw in sorted(f.keywords, key=len, reverse=True) if len(kw) >= 2])
            for f in s.findings if f.direction == "none" or f.significant is False]
    rows = [r for r in rows if r[1]]
    by_kw: dict[str, list[int]] = {}
    for i, (_f, kws) in enumerate(rows):
        for kw in kws:
            by_kw.setdefault(kw, []).append(i)
    return rows, {kw: tuple(ix) for kw, ix in by_kw.items()}


_null_keywords = ObjectCache(_build_null_keywords)    # once per summary, not per sentence


def _null_results(text: str, summ: Optional[Summary], rules: list[Rule]):
    """A non-significant result told as proof of no effect (没有影响 where p = .72)."""
    rule = next((r for r in rules if r.code == "FC212"), None)
    if rule is None or summ is None or not summ.available:
        return []
    nulls = [f for f in summ.findings if f.significant is False]
    if not nulls:
        return []
    out = []
    for p in rule.patterns:
        for m in p.finditer(text):
            out.append((m.start(), m.end(), _with_finding(rule, summ, nulls[0])))
    return out


# the article tells the estimate as uncertain itself (a hedge, "not significant", its interval):
# then it is faithful
_SAID_UNCERTAIN = re.compile("|".join(HEDGES + ("不显著", "无统计学意义", "没有统计学意义", "未达到统计学", "未达统计学",
                                               "无显著", "趋势", "置信区间", "可信区间")) + r"|95%\s*CI")


def _estimates_told_firmly(norm: str, sentences: list[Sentence], claims: list[Claim], mentions: Sequence[Mention],
                           summ_of: dict, rules: list[Rule]) -> dict[int, list]:
    """Sentences that state, as a change (风险降低16%), a ratio of a drafted paper whose own
    interval holds 1 (OR 0.84, 95% CI 0.67–1.06): {sentence: [(start, end, rule)]}, the span
    the verb and the number. (FC221; a draft's values keep each ratio's interval after it.)"""
    rule = next((r for r in rules if r.code == "FC221"), None)
    if rule is None or not claims:
        return {}
    by_id = {m.id: m for m in mentions}
    starts = [s.start for s in sentences]
    out: dict[int, list] = {}
    for c in claims:
        summ = summ_of.get(c.reference)
        if summ is None or summ.curated or not summ.available:
            continue
        for v in c.mention_verdicts:
            m = by_id.get(v.mention_id)
            if v.verdict != "supported" or m is None or m.unit != "%" or not v.finding_id \
                    or not isinstance(m.value, (int, float)):
                continue
            f = summ.finding(v.finding_id)
            ci = _interval_of(f, m) if f is not None else None
            if ci is None or not ci[0] <= 1 <= ci[1]:
                continue
            i = bisect.bisect_right(starts, m.start) - 1
            s = sentences[i]
            verb = CHANGE_VERB_BEFORE.search(norm, max(s.start, m.start - 8), m.start)
            if verb is None or _SAID_UNCERTAIN.search(norm, s.start, s.end):
                continue
            out.setdefault(i, []).append((verb.start() - s.start, m.end - s.start, _with_finding(rule, summ, f)))
    return out


def _interval_of(f: Finding, m: Mention) -> Optional[list]:
    """The interval of the finding's ratio that the article's relative change restates (OR 0.84
    as 16%): a draft keeps a sentence's first interval as the finding's and the others among its
    values, in the order they are written, as its ratios are: the k-th ratio has the k-th."""
    ratios = [v for v in f.values if v.kind == "ratio" and isinstance(v.value, (int, float))]
    cis = ([list(f.ci)] if f.ci else []) + [v.value for v in f.values if v.kind == "interval"
                                            and isinstance(v.value, list) and len(v.value) == 2 and v.value != f.ci]
    if len(cis) != len(ratios):
        return None
    for v, ci in zip(ratios, cis):
        if abs(abs(1 - float(v.value)) * 100 - float(m.value)) <= 1:
            return [float(x) for x in ci]
    return None


def _unmeasured(text: str, summ: Optional[Summary], rules: list[Rule], present: set[str]):
    """The article draws a conclusion about something the paper did not measure."""
    rule = next((r for r in rules if r.code == "FC211"), None)
    if rule is None or summ is None or not summ.not_measured:
        return []
    out = []
    for term in summ.not_measured:
        if term not in present:
            continue
        for m in re.finditer(re.escape(term), text):
            out.append((m.start(), m.end(), rule))
    return out


def _with_finding(rule: Rule, s: Summary, f, ref_idx: Optional[int] = None) -> Rule:
    """A copy of the rule carrying the finding it rests on (and its reference, when the
    sentence itself is not attributed to that paper)."""
    r = Rule(rule.code, rule.category, rule.severity, rule.message, opts=dict(rule.opts))
    r.opts["finding_text"] = f.text
    if ref_idx is not None:
        r.opts["ref_idx"] = ref_idx
    return r


def _paper_wording(rule: Rule, summ: Optional[Summary], text: str) -> Optional[str]:
    if "finding_text" in rule.opts:
        return rule.opts["finding_text"]
    if summ is None:
        return None
    if rule.category == "causal" and summ.conclusion.sentence:
        return summ.conclusion.sentence     # the sentence whose claim the article outruns
    if rule.category == "scope":
        scoped = [f.text for f in summ.findings if f.scope in ("group_average", "subgroup")]
        if summ.conclusion.text:
            return summ.conclusion.text
        return scoped[0] if scoped else None
    return summ.conclusion.text or None


def _args(rule: Rule, surface: str, summ: Optional[Summary], wording: Optional[str],
          ref_idx: Optional[int]) -> dict:
    """What the message names, language-neutral (core/messages.overstatement_message writes it):
    the words, the paper's wording or why there is none, its design and conclusion level; the
    rule's templates too when the bundled rules do not declare them so (a config's rules_dir)."""
    args: dict = {"surface": surface}
    if wording:
        args["ref"], args["wording"] = ref_idx, wording[:160]
    elif ref_idx is not None and summ is None:
        args["paper"] = "no_summary"
    elif ref_idx is not None and summ is not None and not summ.available:
        args["paper"] = "unavailable"
    args["design"] = summ.design if summ else "unknown"
    level = (summ.conclusion.level if summ else None) or "none"
    if summ is not None and summ.conclusion.negated:
        level = "negated"
    args["level"] = level
    reg, msg = registry().get(rule.code), rule.message
    if reg is None or msg.get("zh", "") != reg["zh"] or msg.get("en", "") != reg["en"]:
        args["message"] = dict(msg)
    return args
