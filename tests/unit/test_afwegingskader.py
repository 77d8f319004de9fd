"""The afwegingskader (meldcode step 4): five questions in order, each answer either decides or
leads to the next question. Every path is written out here by hand from the meldcode itself."""

from __future__ import annotations

import pytest

from kinderwerk_pwa import texts
from kinderwerk_pwa.domain.common.errors import InvalidInput
from kinderwerk_pwa.domain.signalering.meldcode import (
    Weighing,
    format_answers,
    parse_answers,
    weigh,
)

T, F = True, False

# Every complete path through the five questions and what the meldcode prescribes.
COMPLETE = [
    ([F], "afsluiten"),                 # 1 no suspicion -> close, note it in the file
    ([T, T], "melden"),                 # 2 acute or structural unsafety -> report
    ([T, F, F], "melden"),              # 3 cannot offer adequate help -> report
    ([T, F, T, F], "melden"),           # 4 help not accepted -> report
    ([T, F, T, T, F], "melden"),        # 5 no lasting safety -> report
    ([T, F, T, T, T], "hulp"),          # 5 lasting safety -> help, no report
]

# Every undecided prefix and the question that comes next.
INCOMPLETE = [
    ([], 1),
    ([T], 2),
    ([T, F], 3),
    ([T, F, T], 4),
    ([T, F, T, T], 5),
]


@pytest.mark.parametrize(("answers", "outcome"), COMPLETE, ids=[format_answers(a) for a, _ in COMPLETE])
def test_every_complete_path_has_the_prescribed_outcome(answers, outcome):
    result = weigh(list(answers))
    assert result == Weighing(outcome=outcome, next_question=None)


@pytest.mark.parametrize(("answers", "next_question"), INCOMPLETE,
                         ids=[format_answers(a) or "leeg" for a, _ in INCOMPLETE])
def test_incomplete_prefix_has_no_outcome_and_asks_the_next_question(answers, next_question):
    result = weigh(list(answers))
    assert result.outcome is None
    assert result.next_question == next_question


def test_the_six_outcomes_cover_each_possible_answer_sequence():
    """Walking all 2^n sequences: each is either a complete path, an undecided prefix, or has
    answers after the decision (refused) - nothing else."""
    complete = {tuple(a): o for a, o in COMPLETE}
    incomplete = {tuple(a): n for a, n in INCOMPLETE}
    for length in range(0, 7):
        for bits in range(2 ** length):
            answers = [bool(bits >> i & 1) for i in range(length)]
            key = tuple(answers)
            if key in complete:
                assert weigh(answers).outcome == complete[key]
            elif key in incomplete:
                assert weigh(answers) == Weighing(None, incomplete[key])
            else:
                with pytest.raises(InvalidInput):
                    weigh(answers)


@pytest.mark.parametrize("answers", [
    [F, T],                 # after "no suspicion" nothing more is asked
    [F, F],
    [T, T, T],              # after "acute unsafety" -> report, nothing more
    [T, T, F],
    [T, F, F, T],           # after "cannot help" -> report
    [T, F, T, F, T],        # after "help not accepted" -> report
    [T, F, T, T, F, T],     # there is no sixth question
    [T, F, T, T, T, T],
])
def test_answers_after_the_deciding_answer_are_refused(answers):
    with pytest.raises(InvalidInput) as exc:
        weigh(answers)
    assert exc.value.message == texts.FOUT_AFWEGING_TE_VEEL


@pytest.mark.parametrize("answers", [a for a, _ in COMPLETE] + [a for a, _ in INCOMPLETE])
def test_parse_and_format_round_trip(answers):
    text = format_answers(answers)
    assert parse_answers(text) == answers


def test_format_answers_stored_form():
    assert format_answers([T, F, T, T, T]) == "1=ja;2=nee;3=ja;4=ja;5=ja"
    assert format_answers([F]) == "1=nee"
    assert format_answers([]) == ""
    assert parse_answers("1=ja;2=nee") == [T, F]
    assert parse_answers("") == []


@pytest.mark.parametrize("text", [
    "ja",               # no question number
    "1=misschien",      # not ja/nee
    "1=JA",             # exact stored form only
    "2=ja",             # does not start at question 1
    "1=ja;3=nee",       # skips a question
    "1=ja;1=nee",       # repeats a question
    "2=nee;1=ja",       # wrong order
    "1:ja",             # wrong separator
    "1=ja;2",           # no value
])
def test_bad_stored_answers_are_refused(text):
    with pytest.raises(InvalidInput) as exc:
        parse_answers(text)
    assert exc.value.message == texts.FOUT_AFWEGING_ONVOLLEDIG
