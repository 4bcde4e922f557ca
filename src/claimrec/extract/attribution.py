"""Who a claim is attributed to, found through the parse of its sentence.

Climbing from the claim to the root of its sentence:
- the author of a figure met before any verb of saying is the source: "X's count stood
  at", "by X's count", "tallies published by X", "the 79 X announced", "X figures show";
- otherwise the outermost verb of saying or tallying with a speaker ("X said that ...",
  "X told Y that ...", "'...,' X asserted", "X put the toll at", "X said survivors told
  her ...": X), its subject, passive agent, or the noun a relative "which" refers to;
  an aside inserted in the clause counts ("For weeks, he said, cases rose");
- failing both: "according to X" / "citing X" anywhere in the sentence, a reporting
  clause set off in it (", police say"), or a headline label ("Red Cross: 300 dead").
The speaker phrase is cleaned into a ``Mention``: a named person inside it wins
("Teravia's army chief, Maj. Gen. X" -> X); a statement noun gives way to its author or
modifiers ("Kestovan army assessments" -> Kestovan army); a generic head makes the
source anonymous ("a senior official"); a head that cannot speak (a date, an event, "the
search") gives no source. Pronouns and bare descriptions ("he", "the ministry") are
marked for ``speakers`` to resolve from reading order.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimrec.extract.mentions import mention
from claimrec.extract.subjects import is_report_noun
from claimrec.lexicon import Lexicon
from claimrec.models import Mention, MentionKind

NAMED: dict[str, MentionKind] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "GROUP",
    "FAC": "ORG",
    "LOC": "LOC",
}
RELATIVE = frozenset({"which", "who", "that"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
PRONOUN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})
POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "our": "we", "my": "i"}
MAX_CLIMB = 8
NAME_JOINERS = frozenset({"the", "of", "for", "and", "de", "du", "des"})
MAX_LABEL = 6  # words before a headline's colon that can name its speaker
MARKUP = "#*_>"  # markdown marks a parser may take for words ("# Agency: ...")
MAX_NEWS_LABEL = 10  # ... that can announce a source's news ("The latest from X:")


@dataclass(frozen=True)
class Attribution:
    """A speaker found for a claim; ``pronoun`` marks he/she/they still to resolve, and
    ``definite`` a bare description ("the ministry") that may point back to an
    organisation already named."""

    mention: Mention | None
    text: str
    via: str  # "verb", "according", "carried", "report", "label"
    pronoun: bool = False
    definite: str | None = None  # the head noun of a bare definite description


MAX_ROLE = 3  # lower-case words of a role between a comma and a name ("prison spokesman")


def attribution(anchor: Token, sent: Span, offset: int, lexicon: Lexicon) -> Attribution | None:
    """The source of the clause holding ``anchor`` (``offset``: where the piece starts).

    Climbing from the claim to the root: the author of a figure noun met before any verb
    of saying ("tallies published by X", "X's count stood at") is the figure's source;
    otherwise the outermost verb of saying with a speaker wins ("X said Y told her that
    ...": X is who the text attributes the claim to). Failing both, "according to X",
    "by X's count", a reporting clause inserted in the sentence (", X says,"), and a
    headline's speaker label ("Minister: 300 dead")."""
    found = _on_path(anchor, offset, lexicon)
    if found is not None and (found.mention is not None or found.pronoun or found.definite):
        return found
    cited = _by_preposition(sent, offset, lexicon)
    if cited is not None and (found is None or cited.mention is not None):
        return cited  # "an earlier version said 14 had died, citing a nurse": the nurse
    if found is not None:
        return found
    return (
        _inserted(sent, anchor, offset, lexicon)
        or _label(sent, anchor, offset, lexicon)
        or _reviser(sent, anchor, offset, lexicon)
    )


def _reviser(sent: Span, anchor: Token, offset: int, lexicon: Lexicon) -> Attribution | None:
    """A source taking back its own figure in the sentence ("46, after the board
    retracted its earlier 51", "... the agency revised its estimate of 90"): the
    figure outside that clause is the one it now gives."""
    verbs = lexicon.attribution.revision_verbs
    for verb in sent:
        if verb.lemma_.lower() not in verbs or verb.pos_ != "VERB":
            continue
        owned = [
            o
            for o in verb.children
            if o.dep_ == "dobj"
            and is_report_noun(o, lexicon)
            and any(c.dep_ == "poss" and c.lower_ in PRONOUN_POSSESSIVES for c in o.children)
        ]
        if any(anchor.i in {t.i for t in o.subtree} for o in owned):
            continue  # the figure taken back is the source's too, found by its author
        if _coordinated(anchor, verb):
            continue  # "300 were rescued, and X withdrew its count of 40": two statements
        subject = _subject(verb)
        if owned and subject is not None and subject.lower_ not in PRONOUNS:
            found = _speaker(subject, offset, lexicon, via="verb")
            if found is not None and found.mention is not None:
                return found
    return None


def sentence_speaker(sent: Span, offset: int, lexicon: Lexicon) -> Attribution | None:
    """Reported speech in ``sent`` whose attribution may carry to the next sentence: the
    outermost verb of saying first ('"They may say what suits them," she said': she, not
    the quoted "they")."""
    verbs = [
        t
        for t in sent
        if _speech_verb(t, lexicon) and any(c.dep_ in {"ccomp", "parataxis"} for c in t.children)
    ]
    for token in sorted(verbs, key=lambda t: (sum(1 for _ in t.ancestors), t.i)):
        found = _speaker_of(token, offset, lexicon)
        if found is not None and (found.mention is not None or found.pronoun):
            return Attribution(found.mention, found.text, "carried", found.pronoun)
    according = _by_preposition(sent, offset, lexicon)
    if according is not None and according.mention is not None:
        return Attribution(according.mention, according.text, "carried")
    # "By X's count, the total is ...", never "the union numbers are fiction"
    counted = _figure_author(sent.root, offset, lexicon, carried=True)
    if counted is not None and counted.mention is not None:
        return Attribution(counted.mention, counted.text, "carried")
    inserted = _inserted(sent, None, offset, lexicon)  # '"...," she said.' parsed as an aside
    if inserted is not None:
        return Attribution(inserted.mention, inserted.text, "carried", inserted.pronoun)
    label = _label(sent, sent[-1], offset, lexicon)  # 'X: "... Three have burns."'
    if label is not None and label.mention is not None:
        return Attribution(label.mention, label.text, "carried")
    return None


def introduced_speaker(sent: Span, offset: int, lexicon: Lexicon) -> Attribution | None:
    """The speaker of a sentence that ends in a colon to introduce what follows ("X gave
    these figures:", "According to X:"): its outermost verb of saying's speaker, or the
    "according to" source; None for any other sentence."""
    if not sent.text.rstrip().endswith(":"):
        return None
    verbs = [t for t in sent if _speech_verb(t, lexicon)]
    for verb in sorted(verbs, key=lambda t: (sum(1 for _ in t.ancestors), t.i)):
        found = _speaker_of(verb, offset, lexicon)
        if found is not None and (found.mention is not None or found.pronoun):
            return found
    return _by_preposition(sent, offset, lexicon)


def _speech_verb(token: Token, lexicon: Lexicon) -> bool:
    """A verb of saying; one of the active-only verbs in the passive is a hedge instead
    ("are expected to attend")."""
    lemma = token.lemma_.lower()
    if lemma not in lexicon.attribution_verbs or token.pos_ not in {"VERB", "AUX"}:
        return False
    if lemma in lexicon.attribution.active_only:
        return not any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)
    return True


def _on_path(anchor: Token, offset: int, lexicon: Lexicon) -> Attribution | None:
    """Figure authors and verbs of saying on the path from ``anchor`` to the root."""
    verbs: list[Token] = []
    token = anchor
    for _ in range(MAX_CLIMB):
        if not verbs:
            author = _figure_author(token, offset, lexicon)
            if author is not None:
                return author
        verbs.extend(_inserted_verbs(token, lexicon))
        if token.head.i == token.i:
            break
        child, token = token, token.head
        if _gapped_speaker(child, token, lexicon):
            # "police counted 300 and unions 900": the second speaker's verb is elided
            return _speaker(child, offset, lexicon, via="verb")
        if (
            _speech_verb(token, lexicon)
            and child.dep_ not in {"nsubj", "nsubjpass", "csubj"}
            and not _own_clause(child, token, reported=bool(verbs))
            and not _across_semicolon(child, token)
        ):
            verbs.append(token)
            if _contrasting_speaker(token):
                break  # "X said A, but police put it at B": B is the police's alone
    speakers = [s for s in (_speaker_of(v, offset, lexicon) for v in verbs) if s is not None]
    named = [s for s in speakers if s.mention is not None or s.pronoun]
    if named:
        return named[-1]
    return speakers[0] if speakers else None


def _contrasting_speaker(verb: Token) -> bool:
    """A verb of saying with its own subject, coordinated to another clause ("..., but
    police put the number at 9,000"): a speaker of its own, whichever clause the parser
    hung it on, never one more voice inside the other's report."""
    return verb.dep_ == "conj" and any(c.dep_ == "nsubj" for c in verb.children)


def _coordinated(anchor: Token, verb: Token) -> bool:
    """Whether ``anchor``'s clause and ``verb`` are joined as conjuncts ("A, and B"),
    not one inside the other."""
    if verb.dep_ == "conj":
        return True
    token = anchor
    for _ in range(MAX_CLIMB):
        if token.i == verb.i or token.head.i == token.i:
            return False
        if token.dep_ == "conj":
            return True
        token = token.head
    return False


def _gapped_speaker(child: Token, verb: Token, lexicon: Lexicon) -> bool:
    """Whether ``child`` is the speaker of a gapped conjunct of a verb of saying: a
    speaker noun the parser took for a coordinated verb ("... and unions 900")."""
    return (
        child.dep_ == "conj"
        and _speech_verb(verb, lexicon)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
        and child.lemma_.lower() not in lexicon.attribution_verbs
        and (
            child.lemma_.lower() in lexicon.attribution.organization_heads
            or child.lemma_.lower() in lexicon.attribution.agent_nouns
            or child.lower_ in lexicon.attribution.agent_nouns
        )
    )


def _own_clause(child: Token, verb: Token, *, reported: bool = False) -> bool:
    """A clause coordinated with the verb of saying and with its own subject ("GM
    reported earnings, and 300 members left") is not what the verb reports. One joined
    after the verb's reported clause ("X said 12 were held, and three guards were hurt")
    continues that report: the parser hangs it on the verb of saying rather than on the
    clause it is coordinated with. A clause with a verb of saying of its own (``reported``)
    is its own speaker's."""
    if child.dep_ != "conj" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children):
        return False
    continues = any(c.dep_ == "ccomp" and c.i < child.i for c in verb.children)
    return reported or not continues


def _across_semicolon(child: Token, verb: Token) -> bool:
    """Whether a semicolon separates a clause from the verb it hangs from: "X reported
    300; Y said 900" are two statements, whatever the parser attached."""
    subtree = [t.i for t in child.subtree]
    start, end = (max(subtree), verb.i) if verb.i > child.i else (verb.i, min(subtree))
    return any(t.text == ";" for t in verb.doc[start:end])


def _inserted_verbs(token: Token, lexicon: Lexicon) -> list[Token]:
    """Verbs of saying inserted into this clause ("For weeks, he said, cases rose"): a
    parenthetical child with a subject and no object, complement or conjunction of its
    own ("after X reported earnings" is no aside)."""
    return [
        c
        for c in token.children
        if c.dep_ in {"parataxis", "advcl"}
        and _speech_verb(c, lexicon)
        and not any(g.dep_ in {"ccomp", "xcomp", "dobj", "mark"} for g in c.children)
    ]


def _inserted(
    sent: Span, anchor: Token | None, offset: int, lexicon: Lexicon
) -> Attribution | None:
    """A reporting clause set off in the sentence (", Ferrand says,", "- Dead: 80, police
    say"): a verb of saying with a subject and no complement scopes over the sentence."""
    for token in sent:
        if (anchor is not None and token.i == anchor.i) or not _speech_verb(token, lexicon):
            continue
        if any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in token.children):
            continue
        if any(c.dep_ == "mark" and not _mark_cut_off(c, token) for c in token.children):
            continue  # "after X reported earnings" is no aside
        if token.dep_ in {"relcl", "acl"}:
            continue  # "of which 60 were confirmed by X": a clause on a noun, not set off
        if anchor is not None and _subject_holds(token, anchor):
            continue  # "40 flood deaths confirmed": the figure is what is confirmed
        found = _speaker_of(token, offset, lexicon)
        if found is not None and (found.mention is not None or found.pronoun):
            return found
    return None


def _mark_cut_off(mark: Token, verb: Token) -> bool:
    """Whether a conjunction the parser hung on a verb of saying is cut off from it by a
    comma before the verb's subject ("... as crowds gathered, the ministry said"): it
    opens another clause, and the reporting clause is set off at the sentence's end."""
    subject = _subject(verb)
    if subject is None or mark.i > subject.i:
        return False
    start = min(t.i for t in subject.subtree)
    return any(t.text == "," for t in verb.doc[mark.i : start])


def _subject_holds(verb: Token, anchor: Token) -> bool:
    """Whether the verb's subject is the claim's own phrase: a headline's participle ("112
    deaths confirmed") and a passive ("61 were confirmed by X") say what was confirmed,
    never who gives the figure."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    subject = _subject(verb)
    return any(
        anchor.i in {t.i for t in s.subtree} for s in [*subjects, *([subject] if subject else [])]
    )


def _label(sent: Span, anchor: Token, offset: int, lexicon: Lexicon) -> Attribution | None:
    """The speaker a headline or live-blog entry names before a colon ("Red Cross: 300
    dead", "Interior Minister Lena Dorsch: ...", "Aid Society: shelters held 900"), or
    whose news it announces ("Update from the county clinic: 27 discharged"): a label
    made only of names, titles and organisation nouns, or a news noun with "from X";
    "Dead: 80" or "Bodies recovered: 78" name no one."""
    colon = next((t for t in sent[: MAX_NEWS_LABEL + 1] if t.text == ":"), None)
    if colon is None or anchor.i < colon.i:
        return None
    words = [
        t
        for t in sent.doc[sent.start : colon.i]
        if not (t.is_punct or t.is_space or not t.text.strip(MARKUP))  # "# Agency:"
    ]
    news = _news_from(words, lexicon)
    if news is not None:
        return _speaker(news, offset, lexicon, via="label")
    if len(words) > MAX_LABEL:
        return None
    owned = _label_news_of(words, offset, lexicon)
    if owned is not None:
        return owned
    heads = {*lexicon.attribution.organization_heads, *lexicon.merging.short_form_heads}
    titles = lexicon.title_set

    def speaks(t: Token) -> bool:
        return t.ent_type_ in {"PERSON", "ORG"} or t.lower_ in titles or t.lemma_.lower() in heads

    def named_body(ws: list[Token]) -> bool:
        """A capitalised name whose head says it is a body ("Aid Society")."""
        return ws[-1].lemma_.lower() in heads and all(t.text[:1].isupper() for t in ws)

    def titled_name(ws: list[Token]) -> bool:
        """A title and a name NER missed ("Dr Ulla Venk")."""
        names = [t for t in ws if t.lower_.rstrip(".") not in titles]
        return (
            ws[0].lower_.rstrip(".") in titles
            and bool(names)
            and all(t.pos_ == "PROPN" and t.is_title for t in names)
        )

    if not words:
        return None
    if not (all(speaks(t) for t in words) or named_body(words) or titled_name(words)):
        return None
    person = next((e for e in sent.ents if e.label_ == "PERSON" and e.end <= colon.i), None)
    span = person or sent.doc[words[0].i : words[-1].i + 1]
    kind: MentionKind = "PERSON" if person is not None or titled_name(words) else "ORG"
    return Attribution(mention(span, kind, offset), span.text, "label")


def _label_news_of(words: list[Token], offset: int, lexicon: Lexicon) -> Attribution | None:
    """A label naming whose news or figure follows by a name before a news or figure
    noun ("KFA update:", "Harbour Board figures:", "The overnight police toll:")."""
    last = words[-1]
    lemma = last.lemma_.lower()
    news = lemma in lexicon.attribution.label_news or last.lower_ in lexicon.attribution.label_news
    figure = is_report_noun(last, lexicon) or lemma in lexicon.attribution.owned_figures
    if not (news or figure):
        return None
    author = _author_of(last, lexicon) if figure else None
    if author is not None:
        found = _speaker(author, offset, lexicon, via="label")
        return found if found is not None and found.mention is not None else None
    names = [t for t in words[:-1] if t.lower_ not in {"the", "a", "an"}]
    if not names or not all(
        t.ent_type_ == "ORG" or _acronym(t) or (t.pos_ == "PROPN" and t.is_title) for t in names
    ):
        return None
    span = last.doc[names[0].i : names[-1].i + 1]
    return Attribution(mention(span, "ORG", offset), span.text, "label")


def _news_from(words: list[Token], lexicon: Lexicon) -> Token | None:
    """The source in a label announcing its news ("The latest from X", "Update from X",
    "New figures from X"): the object of "from" after a news noun."""
    split = next((k for k, t in enumerate(words) if t.lower_ == "from"), None)
    if split is None or split == 0 or split == len(words) - 1:
        return None
    before = [t for t in words[:split] if t.lower_ not in {"the", "a", "an"}]
    nouns = lexicon.attribution.label_news
    if not before or any(t.lower_ not in nouns and t.lemma_.lower() not in nouns for t in before):
        return None
    source = next((c for c in words[split].children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    named = source.ent_type_ == "ORG" or (
        source.ent_type_ == "PERSON" and any(c.dep_ == "compound" for c in source.children)
    )
    if not (named or _body(source, lexicon)):
        return None  # "The latest from Selm:" is news from a place (NER's lone "person")
    return source


def _body(head: Token, lexicon: Lexicon) -> bool:
    """Whether a noun names a body or a group that speaks ("the health authority", "fire
    brigade", "organisers"), not a place or a thing."""
    lemma = head.lemma_.lower()
    words = lexicon.attribution
    return lemma in {
        *words.organization_heads,
        *words.agent_nouns,
        *words.anonymous_heads,
        *lexicon.merging.short_form_heads,
    }


def _figure_author(
    token: Token, offset: int, lexicon: Lexicon, *, carried: bool = False
) -> Attribution | None:
    """Who made the figure: the possessor or "by"-agent of a report noun at ``token``,
    the report noun that is ``token``'s subject ("X's count stood at 71"), or a
    "by X's count" phrase attached to it; a figure set beside its report noun ("80, the
    estimate the army has given") is the report's. For a speaker ``carried`` to the next
    sentence, only an author named as such ("by X's count"): a sentence about a body's
    figure ("the police numbers are wrong") is no statement by the body."""
    restated = [c for c in token.children if c.dep_ == "appos" and is_report_noun(c, lexicon)]
    for noun in [token, *restated]:
        published = _published_by(noun, lexicon)
        if published is not None:
            found = _speaker(published, offset, lexicon, via="report")
            if found is not None and found.mention is not None:
                return found
    owned = _owned_number(token, offset, lexicon)
    if owned is not None:
        return owned
    nouns = [token] if token.pos_ in {"NOUN", "PROPN"} else []
    nouns += [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for prep in token.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in lexicon.attribution.figure_preps:
            nouns += [o for o in prep.children if o.dep_ == "pobj"]
    for noun in nouns:
        if not (is_report_noun(noun, lexicon) or _body_figure(noun, lexicon, not carried)):
            continue
        author = _author_of(noun, lexicon, pronoun=not carried, compound=not carried)
        if author is None:
            continue
        if author.lower_ == "their":
            # "officials said 40 were found; their tally stood at 120": the officials
            antecedent = _plural_speaker_before(author, lexicon)
            if antecedent is not None:
                return _speaker(antecedent, offset, lexicon, via="report")
        if author.lower_ in PRONOUN_POSSESSIVES:
            # "Its count is up to 93": the body or person "its"/"her" points back to
            return Attribution(None, _POSSESSOR.get(author.lower_, "it"), "report", pronoun=True)
        found = _speaker(author, offset, lexicon, via="report")
        if found is not None and found.mention is not None:
            return found
    return None


_POSSESSOR = {"its": "it", "their": "they", "his": "he", "her": "she", "our": "we", "my": "i"}


def _owned_number(token: Token, offset: int, lexicon: Lexicon) -> Attribution | None:
    """A figure written as its giver's own ("the ministry's 23", "more than the Red
    Cross's 40"): a number whose possessor is a body or a named source; a place's
    ("Orlen's 40") is no one's."""
    if not token.like_num:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in PRONOUN_POSSESSIVES:
        return None
    if owner.ent_type_ in {"GPE", "LOC", "NORP", "FAC", "DATE", "TIME"}:
        return None
    if not (owner.ent_type_ in {"ORG", "PERSON"} or _acronym(owner) or _body(owner, lexicon)):
        return None
    found = _speaker(owner, offset, lexicon, via="report")
    return found if found is not None and (found.mention is not None or found.definite) else None


def _body_figure(noun: Token, lexicon: Lexicon, compound: bool = True) -> bool:
    """A figure noun owned by a body ("the health ministry's death toll rose to 300"): the
    body keeps the figure, named as its owner or (``compound``) before it ("the police
    toll"). A place's toll ("Orlen's death toll") is the place's people's, counted by no
    one it names."""
    if noun.lemma_.lower() not in lexicon.attribution.owned_figures:
        return False
    if compound and any(
        c.dep_ == "compound"
        and not c.ent_type_
        and c.lemma_.lower() in lexicon.attribution.organization_heads
        for c in noun.children
    ):
        return True  # "the police toll", "the army tally"
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return (
        owner is not None
        and owner.lower_ not in PRONOUN_POSSESSIVES
        and owner.ent_type_ not in {"GPE", "LOC", "NORP", "FAC"}
        and (owner.ent_type_ == "ORG" or _body(owner, lexicon))
    )


def _published_by(noun: Token, lexicon: Lexicon) -> Token | None:
    """ "300 deaths recorded by X", "the 79 X announced": the agent of a reporting
    participle on the noun, or the subject of a reporting relative clause on it."""
    if noun.ent_type_ in {"DATE", "TIME"}:
        return None  # "since May, of which 52 were confirmed by X": a misattached clause
    for child in noun.children:
        if child.dep_ not in {"acl", "relcl"} or not _speech_verb(child, lexicon):
            continue
        if any(g.dep_ == "nsubjpass" and not _relative(g) for g in child.children):
            continue  # "cases, of which 52 were confirmed by X": the 52 were, not the noun
        for agent in (g for g in child.children if g.dep_ == "agent"):
            return next((o for o in agent.children if o.dep_ == "pobj"), None)
        if child.dep_ == "relcl":
            for subject in (g for g in child.children if g.dep_ == "nsubj"):
                if not _relative(subject):
                    return subject
    return None


def _author_of(
    noun: Token, lexicon: Lexicon, *, pronoun: bool = False, compound: bool = True
) -> Token | None:
    """ "X's count", "the count by X", "a statement from X", "tallies published by X", "X
    figures", "the bulletin of X", "the police toll", and "X withdrew its count", "X stuck
    to its figure" (a possessive pronoun points to the subject of its verb; with none, the
    pronoun itself, for reading order to resolve)."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in PRONOUN_POSSESSIVES:
            return child
        if child.dep_ == "poss":
            subject = _clause_subject(noun)
            if subject is not None and subject.pos_ != "PRON":
                return subject
            return child if pronoun else None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            return next((o for o in child.children if o.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ == "of":
            body = next((o for o in child.children if o.dep_ == "pobj"), None)
            if (
                body is not None
                and not any(c.dep_ == "nummod" for c in body.children)
                and (
                    body.ent_type_ == "ORG"
                    or body.lemma_.lower() in lexicon.attribution.organization_heads
                )
            ):
                return body  # "the bulletin of the civil defence agency", not "a total of 90"
        if (
            compound
            and child.dep_ == "compound"
            and not child.ent_type_
            and child.lemma_.lower() in lexicon.attribution.organization_heads
        ):
            return child  # "the police toll"
        if child.dep_ == "acl":
            for agent in (g for g in child.children if g.dep_ == "agent"):
                return next((o for o in agent.children if o.dep_ == "pobj"), None)
    for child in noun.children:
        if child.dep_ in {"compound", "nmod"} and child.ent_type_ in NAMED:
            return child
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and child.ent_type_ not in {"NORP", "GPE", "DATE", "CARDINAL"}
            and not any(c.dep_ == "nummod" or c.like_num for c in child.subtree)
        ):
            return child  # "the first independent figure: Telmar Counts, ..."
    return None


def _clause_subject(noun: Token) -> Token | None:
    """The subject of the verb a noun is the object of, directly or through a
    preposition ("X withdrew its count", "X is sticking to its figure")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def _speaker_of(verb: Token, offset: int, lexicon: Lexicon) -> Attribution | None:
    subject = _subject(verb)
    if subject is None:
        name = _name_before(verb)
        if name is not None:
            kind = NAMED.get(name[-1].ent_type_, "ORG")
            return Attribution(mention(name, kind, offset), name.text, "verb")
        return Attribution(None, "", "verb")
    if _relative(subject) and verb.dep_ == "relcl":
        subject = verb.head
    if subject.lower_ == "they":
        antecedent = _plural_antecedent(subject, lexicon)
        if antecedent is not None:
            return _speaker(antecedent, offset, lexicon, via="verb")
    if subject.lower_ in PRONOUNS:
        return Attribution(None, subject.text, "verb", pronoun=True)
    return _speaker(subject, offset, lexicon, via="verb")


def _name_before(verb: Token) -> Span | None:
    """A name set off by a comma right before a verb of saying the parse gave no subject
    ("..., Mend the Rivers says": its first word read as a verb; "..., prison spokesman
    Ori Vale told reporters"): capitalised words, with the small words names keep between
    them, after the comma and any role in lower case."""
    doc, start = verb.doc, verb.i
    while start - 1 > verb.sent.start and (
        (doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper())
        or doc[start - 1].lower_ in NAME_JOINERS
    ):
        start -= 1
    role = start  # a role in lower case may stand between the comma and the name
    while role - 1 > verb.sent.start and start - role < MAX_ROLE and doc[role - 1].is_lower:
        role -= 1
    if start == verb.i or verb.i - start > MAX_LABEL or doc[role - 1].text != ",":
        return None
    if not doc[start].text[:1].isupper() or doc[verb.i - 1].lower_ in NAME_JOINERS:
        return None
    return doc[start : verb.i]


def _plural_antecedent(pronoun: Token, lexicon: Lexicon) -> Token | None:
    """The plural subject earlier in the sentence that "they" points back to
    ("Residents posted a tally they believe proves ...")."""
    sent = pronoun.sent
    for token in reversed(sent.doc[sent.start : pronoun.i]):
        if token.dep_ in {"nsubj", "nsubjpass"} and token.tag_ in {"NNS", "NNPS"}:
            return token if _agent_noun(token, lexicon) else None
    return None


def _plural_speaker_before(pronoun: Token, lexicon: Lexicon) -> Token | None:
    """The plural speaker of a verb of saying earlier in the sentence, that "their"
    points back to ("officials said 40 were found; their tally stood at 120")."""
    sent = pronoun.sent
    for token in reversed(sent.doc[sent.start : pronoun.i]):
        if token.dep_ == "nsubj" and _speech_verb(token.head, lexicon):
            plural = token.tag_ in {"NNS", "NNPS"}
            return token if plural and _agent_noun(token, lexicon) else None
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of two ("the charity Shelter Now said", parsed as two
    subjects), the named one."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        named = [c for c in subjects if c.pos_ == "PROPN" or c.ent_type_ in NAMED]
        return named[-1] if len(subjects) > 1 and named else subjects[0]
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if verb.dep_ in {"conj", "xcomp"}:
        return _subject(verb.head)  # "X went on to give the total as": X
    return None


def _by_preposition(sent: Span, offset: int, lexicon: Lexicon) -> Attribution | None:
    """The speaker named by "according to X" or "as reported by X"."""
    text = sent.text.lower()
    for phrase in lexicon.attribution.prepositions:
        if phrase not in text:
            continue
        words = phrase.split()
        for i in range(sent.start, sent.end - len(words) + 1):
            if [t.lower_ for t in sent.doc[i : i + len(words)]] != words:
                continue
            last = sent.doc[i + len(words) - 1]
            objects = [c for c in last.subtree if c.dep_ in {"pobj", "dobj"} and c.i > last.i]
            if objects:
                return _speaker(objects[0], offset, lexicon, via="according")
    return None


def _speaker(head: Token, offset: int, lexicon: Lexicon, *, via: str) -> Attribution | None:
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ in PRONOUN_POSSESSIVES and not _named_inside(head):
        # "his office said": the person referred to speaks; "its armed wing", unresolved;
        # "its spokesman said": the organisation "it" is speaks
        person = POSSESSIVE_PRONOUN.get(owner.lower_)
        if person is None and _voice_role(head, lexicon) and owner.lower_ in {"its", "their"}:
            return Attribution(None, "it", via, pronoun=True)
        return Attribution(None, person or owner.text, via, pronoun=person is not None)
    called = _name_after_kind(head, lexicon)
    if called is not None:
        return Attribution(mention(called, "ORG", offset), called.text, via)
    named = (
        _office_holder(head, lexicon)
        or _named_inside(head, _body(head, lexicon))
        or _person_after(head)
    )
    if named is not None:
        kind = NAMED.get(named.label_, "ORG")
        if kind == "PERSON" and kind_noun_before(named, lexicon):
            kind = "ORG"  # "quarry operator Vantor Aggregates": NER took the company for a person
        return Attribution(mention(named, kind, offset), named.text, via)
    voice = _voice_of(head, offset, lexicon, via=via)
    if voice is not None:
        return voice
    tokens = _phrase(head)
    if not tokens:
        return None
    words = lexicon.attribution
    head_lemma = head.lemma_.lower()
    if head_lemma in words.report_nouns or head.lower_ in words.report_nouns:
        author = _author_of(head, lexicon)
        if author is not None and author.i != head.i:
            return _speaker(author, offset, lexicon, via="report")  # "a study by X showed"
        modifiers = _nominal_modifiers([t for t in tokens if t.i != head.i])
        if not modifiers:
            bare = {c.lower_ for c in head.children if c.dep_ == "det"} & {"the", "this"}
            # "the report names eight": the report the text has already credited to someone
            return Attribution(None, head.text, "report", definite=head.lower_ if bare else None)
        return _descriptive(modifiers, offset, lexicon, via="report")
    if head_lemma in words.empty_sources or not _agent_noun(head, lexicon):
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ not in PRONOUN_POSSESSIVES:
            return _speaker(owner, offset, lexicon, via=via)  # "X's own roadmap warned"
        if head_lemma not in words.empty_sources:
            # "the railway said": it may be an organisation named earlier by that word
            return Attribution(None, head.text, via, definite=_definite(head, [head]))
        return Attribution(None, head.text, via)
    return _descriptive(tokens, offset, lexicon, via=via)


def _voice_role(head: Token, lexicon: Lexicon) -> bool:
    return head.lemma_.lower() in lexicon.attribution.voice_roles


def _voice_of(head: Token, offset: int, lexicon: Lexicon, *, via: str) -> Attribution | None:
    """The organisation an unnamed spokesperson speaks for ("a spokesperson for X", "X's
    spokeswoman", "an X spokesman"): their words are its voice, unlike an official's or a
    source's, who speak for themselves. Those who run a named body speak for it too
    ("Harbour Front organisers said"), when the name stands right before them."""
    members = head.tag_ == "NNS" and head.lemma_.lower() in lexicon.attribution.body_members
    if not _voice_role(head, lexicon):
        return _named_before(head, offset, via, places=False) if members else None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "at"}:
            body = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if body is not None:
                return _speaker(body, offset, lexicon, via=via)
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None:
        return _speaker(owner, offset, lexicon, via=via)
    return _named_before(head, offset, via)


def _named_before(head: Token, offset: int, via: str, *, places: bool = True) -> Attribution | None:
    """The organisation named right before a role noun ("an X spokesman"); without
    ``places``, never a place ("Velk officials" are the town's, not a body's)."""
    modifiers = [t for t in _phrase(head) if t.i != head.i]
    unnamed = {"NORP"} if places else {"NORP", "GPE", "LOC", "FAC"}
    named = [
        t
        for t in modifiers
        if (t.pos_ == "PROPN" or t.ent_type_ == "ORG" or _acronym(t)) and t.ent_type_ not in unnamed
    ]
    if named and named[-1].i == head.i - 1:
        span = head.doc[named[0].i : named[-1].i + 1]
        return Attribution(mention(span, "ORG", offset), span.text, via)
    return None


def kind_noun_before(name: Span, lexicon: Lexicon) -> bool:
    """Whether a lowercase noun for a kind of organisation stands right before a name
    ("mine operator X", "the charity X", "the carrier X"): the name is an organisation's,
    whatever NER called it; a role ("spokesman X") names a person."""
    if name.start == 0:
        return False
    before = name.doc[name.start - 1]
    words = lexicon.merging
    return before.is_lower and before.lower_ in {*words.short_form_heads, *words.opaque_kinds}


def report_authors(sent: Span, offset: int, lexicon: Lexicon) -> list[tuple[str, Attribution]]:
    """The report nouns of a sentence credited to someone ("his office's report", "the
    agency's survey"), with their author: what a later bare "the report" refers to."""
    out = []
    for token in sent:
        if not is_report_noun(token, lexicon):
            continue
        author = _author_of(token, lexicon)
        if author is None:
            continue
        found = _speaker(author, offset, lexicon, via="report")
        if found is not None and (found.mention is not None or found.pronoun):
            out.append((token.lower_, found))
    return out


def _nominal_modifiers(tokens: list[Token]) -> list[Token]:
    """The modifiers of a report noun that can name its author: from the first noun,
    proper noun or named word on ("revised army figures" -> army; "revised figures" ->
    nothing)."""
    for k, token in enumerate(tokens):
        if token.pos_ in {"NOUN", "PROPN"} or token.ent_type_ in NAMED or _acronym(token):
            return tokens[k:]
    return []


def _relative(token: Token) -> bool:
    """A relative pronoun ("which", "who"), not an acronym that spells like one ("WHO")."""
    return token.lower_ in RELATIVE and not token.is_upper


def _acronym(token: Token) -> bool:
    return token.is_upper and len(token.text) > 1 and token.is_alpha


def _agent_noun(head: Token, lexicon: Lexicon) -> bool:
    """Whether a descriptive speaker's head can denote someone who speaks: a named
    word, a person, an organisation, a title, a counted group ("survivors") or an agent
    noun by its suffix ("mediators", "activists"); never a date, an event or an abstract
    noun ("flooding", "the search", "revised")."""
    if head.like_num and any(
        c.dep_ in {"amod", "compound", "nmod"}
        and c.pos_ in {"ADJ", "NOUN", "PROPN"}
        and c.text[:1].isupper()
        for c in head.children
    ):
        return True  # a numbered body named by its number ("Local 731", "Station 9"),
        # whether or not NER took the number for a cardinal
    if head.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"}:
        return False
    owned = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    if any(
        t.ent_type_ in NAMED or t.pos_ == "PROPN" or _acronym(t)
        for t in _phrase(head)
        if t.i not in owned
    ):
        return True  # named, or a named group's member ("an NRV coordinator")
    words = lexicon.attribution
    lemma = head.lemma_.lower()
    if lemma.endswith(tuple(words.agent_suffixes)):
        return True
    if head.tag_ == "NNS" and lemma.endswith(tuple(words.plural_agent_suffixes)):
        return True  # "engineers warned"; a singular "the number" does not speak
    return any(
        w in vocabulary
        for w in (lemma, head.lower_)
        for vocabulary in (
            words.anonymous_heads,
            words.organization_heads,
            words.agent_nouns,
            lexicon.units,
            lexicon.title_set,
            lexicon.merging.short_form_heads,  # "the federation", "the league's figures"
            lexicon.merging.opaque_kinds,
        )
    )


def _person_after(head: Token) -> Span | None:
    """A person named right after the speaker phrase, set off by a comma: "according to
    the interior minister, Lena Dorsch, ..." (the parser often misses the apposition)."""
    doc = head.doc
    end = max(t.i for t in head.subtree) + 1
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON":
        for ent in doc.ents:
            if ent.start == end + 1 and ent.label_ == "PERSON":
                return ent
    return None


def _descriptive(tokens: list[Token], offset: int, lexicon: Lexicon, *, via: str) -> Attribution:
    doc = tokens[0].doc
    span = doc[tokens[0].i : tokens[-1].i + 1]
    head = tokens[-1]
    if span[-1].tag_ == "POS" and len(span) > 1:
        span = doc[span.start : span.end - 1]
        head = span[-1]
    kind: MentionKind
    if head.lemma_.lower() in lexicon.attribution.anonymous_heads:
        kind = "ANON"
    elif head.ent_type_ in NAMED and all(t.ent_type_ == head.ent_type_ for t in span):
        kind = NAMED[head.ent_type_]  # type: ignore[assignment]
    else:
        kind = "GROUP"
    if kind in {"GROUP", "ORG"} and _name_word(span[0]):
        span = _whole_name(span)
    if _numbered(span, head) and kind in {"GROUP", "ORG"}:
        span = doc[span.start : span.end + 1]  # a body named by its number ("Local 77")
    definite = _definite(head, list(span))
    return Attribution(mention(span, kind, offset), span.text, via, definite=definite)


def _numbered(span: Span, head: Token) -> bool:
    """Whether a capitalised speaker is followed by the number that names it."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return (
        after is not None
        and after.dep_ == "nummod"
        and after.head.i == head.i
        and head.text[:1].isupper()
    )


def _definite(head: Token, tokens: list[Token]) -> str | None:
    """The words of a bare description, "the ministry", "the coast guard": singular
    common nouns after "the" and nothing else."""
    articles = {c.lower_ for c in head.children if c.dep_ == "det"}
    plain = all(t.tag_ == "NN" and not t.ent_type_ for t in tokens)
    if articles & {"the", "this"} and plain:
        return " ".join(t.lower_ for t in tokens)
    return None


def _named_inside(head: Token, body: bool = False) -> Span | None:
    """A named person (or, failing that, organisation/country) heading or in apposition
    ("the newspaper Telmar Post", "the charity Shelter Now"). A name modifying the noun of
    a ``body`` names the body, whatever NER calls it ("the Orlen fire brigade")."""
    doc = head.doc
    near = [head, *[c for c in head.children if c.dep_ in {"appos", "compound"}]]
    if body:
        near = [t for t in near if not (t.dep_ == "compound" and t.ent_type_ == "PERSON")]
    for kind in ("PERSON", "ORG", "GPE"):
        for token in near:
            if token.ent_type_ == kind:
                for ent in doc.ents:
                    if ent.start <= token.i < ent.end:
                        if kind != "PERSON" and token.i != head.i and token.dep_ != "appos":
                            break  # "the Kestovan army" is the army, not Kestova
                        return _trim_ent(ent)
        for appos in (c for c in head.children if c.dep_ == "appos"):
            for token in appos.subtree:
                if token.ent_type_ == "PERSON" and kind == "PERSON":
                    for ent in doc.ents:
                        if ent.start <= token.i < ent.end:
                            return _trim_ent(ent)
    return None


def _office_holder(head: Token, lexicon: Lexicon) -> Span | None:
    """The person named in apposition to an office ("the city's coroner, Ada Quillon,
    said"), even when NER took the office's own word for a person."""
    roles = lexicon.merging.affiliation_roles
    if head.lower_ not in lexicon.title_set and head.lower_ not in roles:
        return None
    for appos in (c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"):
        for ent in head.doc.ents:
            if ent.start <= appos.i < ent.end and ent.label_ == "PERSON":
                return _trim_ent(ent)
    return None


def _name_after_kind(head: Token, lexicon: Lexicon) -> Span | None:
    """The whole name right after a lowercase organisation kind noun ("the charity Save
    Our Reefs said", "the network Open Waters"), however NER and the parser cut it: the
    capitalised words that follow, with the small words names keep between them."""
    words = lexicon.merging
    kinds = {*words.short_form_heads, *words.opaque_kinds}
    if head.lower_ not in kinds or not head.is_lower:
        return None
    doc, end, last = head.doc, head.i + 1, head.sent.end
    while end < last:
        if _capitalised(doc[end]):
            end += 1
        elif doc[end].lower_ in NAME_JOINERS and end + 1 < last and _capitalised(doc[end + 1]):
            end += 2
        else:
            break
    return doc[head.i + 1 : end] if end > head.i + 1 else None


def _capitalised(token: Token) -> bool:
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and token.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}
    )


def _whole_name(span: Span) -> Span:
    """A name cut short by NER or the parse ("Mend the Rivers says" read with "Mend" as
    a verb, leaving "Rivers"): the capitalised words right before it inside the sentence,
    with the small words names keep between them ("the", "of"), are part of it."""
    doc, start = span.doc, span.start
    while True:
        if _name_word(doc[start - 1]):
            start -= 1
        elif doc[start - 1].lower_ in NAME_JOINERS and _name_word(doc[start - 2]):
            start -= 2
        else:
            return doc[start : span.end] if start < span.start else span


def _name_word(token: Token) -> bool:
    """A capitalised word inside its sentence, where capitals mark names: not the first
    word, nor one after a colon, dash, quote or bullet, nor a date, a place or a person."""
    if token.i <= token.sent.start or not token.text[:1].isupper() or not token.is_alpha:
        return False
    before = token.doc[token.i - 1]
    if before.is_punct and before.text not in {",", "(", ")"}:
        return False
    return token.ent_type_ not in {"DATE", "TIME", "GPE", "NORP", "PERSON", "CARDINAL"}


def _trim_ent(ent: Span) -> Span:
    """Drop a leading "the" and a trailing possessive from an entity span, and finish a
    name that NER cut after "of"."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if doc[start].lower_ == "the" and end - start > 1:
        start += 1
    if end - start > 1 and doc[end - 1].lower_ in {"'s", "’s", "'", "’"}:
        end -= 1
    while end < len(doc) and doc[end - 1].lower_ in {"of", "the", "and", "for"}:
        if not (doc[end].pos_ == "PROPN" or doc[end].lower_ == "the"):
            break
        end += 1  # NER stopped inside "Department of Trade of the Republic of X"
    return Span(doc, start, end, label=ent.label_)


def _phrase(head: Token) -> list[Token]:
    """The noun phrase of ``head``: its left modifiers (no determiner) and itself."""
    left = [t for t in head.subtree if t.i <= head.i and t.dep_ not in {"det", "punct", "predet"}]
    chunk: list[Token] = []
    for token in left:
        if chunk and token.i != chunk[-1].i + 1:
            chunk = []
        chunk.append(token)
    return [t for t in chunk if t.i <= head.i]


def continues_speech(sent: Span, lexicon: Lexicon) -> bool:
    """Whether a sentence without its own attribution reads as more of the previous
    sentence's reported speech: its subject points back ("they", "these troops", "the
    first group", "the toll", a bare number), rather than naming a new actor or a new
    thing ("the peninsula")."""
    roots = [t for t in sent if t.dep_ == "ROOT"]
    if not roots:
        return False
    subjects = [c for c in roots[0].children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if not subjects:
        return True
    subject = subjects[0]
    if subject.pos_ == "PRON" or subject.like_num or subject.dep_ == "expl":
        return True
    determiners = {c.lower_ for c in subject.children if c.dep_ == "det"}
    if subject.ent_type_ in NAMED or determiners & {"both", "all", "each"}:
        return False
    lemma = subject.lemma_.lower()
    words = lexicon.attribution
    of_people = any(
        o.lemma_.lower() in lexicon.units
        for p in subject.children
        if p.lower_ == "of"
        for o in p.children
    )
    counted = (
        of_people  # "the number of survivors", "the first group of 800 troops"
        or lemma in lexicon.units
        or lemma in lexicon.measure_nouns
        or lemma in words.report_nouns
        or subject.lower_ in words.report_nouns
        or lemma in words.organization_heads  # "the service", the speaker itself
    )
    if determiners & {"these", "those"}:
        return True
    return counted and (bool(determiners & {"the", "this", "that"}) or lemma in lexicon.units)


def actor(anchor: Token, offset: int, lexicon: Lexicon) -> Attribution | None:
    """The body that did what its own figure counts, when no one is said to report it
    ("The ministry has sent 40 nurses", "Harbour Police arrested 12 people"): a body that
    acts gives the count of its own acts. Only the active subject of the verb whose
    object holds the figure, and only a body named by its kind of public body ("the
    ministry", "Harbour Police"), never a company or a group of people ("X Motors laid
    off 600", "Rebels killed 30": the news reports them, they state nothing)."""
    phrase = anchor
    while phrase.dep_ in {"nummod", "quantmod", "compound"} and phrase.head.i != phrase.i:
        phrase = phrase.head
    if phrase.dep_ != "dobj" or phrase.head.pos_ != "VERB":
        return None
    verb = phrase.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    if subject.lemma_.lower() not in lexicon.attribution.organization_heads:
        return None  # a company's act ("X Motors laid off 600") is the news's, not its word
    found = _speaker(subject, offset, lexicon, via="verb")
    if found is None or (found.mention is None and found.definite is None):
        return None
    return found
