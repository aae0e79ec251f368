"""factlint/furniture.py: embedded posts, credits, bylines, captions and related links."""
from __future__ import annotations

import datetime as dt

import pytest

from factlint.document import BARRIER, parse_document
from factlint.furniture import Kind, pieces, weight
from factlint.kb.index import KBIndex
from factlint.mentions import find_mentions


def kinds(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each piece of furniture in one paragraph."""
    found, _ = pieces(text)
    return [(p.kind.value, text[p.start:p.end].strip()) for p in found]


def checked(text: str) -> list[str]:
    """The checked text of each paragraph, excluded furniture left out."""
    return [" ".join(s.text.replace(BARRIER, " ").split()) for s in parse_document(text, "<t>").segments]


def links(kb: KBIndex, text: str) -> list[tuple[str, str | None]]:
    ms = find_mentions(parse_document(text, "<t>"), kb, dt.date(2024, 6, 1))
    return [(m.text, m.title.label if m.title else None) for m in ms]


# -- embedded posts ----------------------------------------------------------------

def test_a_tweet_is_its_text_and_its_signature() -> None:
    text = "Ana Lee spoke. Great day in Ostoria! — Ana Lee (@analee) May 1, 2024"
    assert kinds(text) == [("post", text)]  # both sentences fit in a tweet
    assert checked(text) == [""]


def test_a_tweet_takes_only_the_sentences_that_fit_in_280_characters() -> None:
    prose = "The minister spoke to reporters in the capital for an hour about the budget. " * 4
    text = prose + "Great day! — Ana Lee (@analee) May 1, 2024"
    (kind, post), = kinds(text)
    assert kind == "post" and post.endswith("Great day! — Ana Lee (@analee) May 1, 2024")
    assert weight(post[: post.index(" — ")]) <= 280 < weight(text[: text.index(" — ")])
    assert checked(text)[0].startswith("The minister spoke")


def test_a_link_counts_as_23_characters_and_an_attached_picture_as_none() -> None:
    assert weight("See https://example.com/" + "a" * 100) == len("See ") + 23
    assert weight("Look pic.twitter.com/AbC123") == len("Look ")


def test_an_instagram_post_is_its_paragraph_and_its_signature() -> None:
    text = "Working late on the speech. A post shared by Ana Lee (@ana.lee) on Mar 5, 2017 at 7:14am PDT"
    assert kinds(text) == [("post", text)]


def test_a_signature_alone_signs_the_paragraph_before() -> None:
    draft = "The paper wrote this.\n\nJoe Blinken is great!\n\n— Ana Lee (@analee) May 1, 2024\n"
    assert checked(draft) == ["The paper wrote this.", "", ""]


def test_a_paragraph_that_introduces_a_post_is_the_papers() -> None:
    draft = "Joe Biden wrote:\n\n— Ana Lee (@analee) May 1, 2024\n"
    assert checked(draft) == ["Joe Biden wrote:", ""]


def test_a_post_of_several_lines_begins_in_the_paragraph_before() -> None:
    draft = "Attacks this year:\n\nOstoria, 1/8/17\n\nNice, 7/14/16 — Ana Lee (@analee) May 1, 2024\n"
    assert checked(draft) == ["Attacks this year:", "", ""]


@pytest.mark.parametrize(
    ("before", "carried"),
    [
        ("The paper wrote this. Feel safer", True),          # a line, not a sentence
        ("The paper wrote this. Vote now #Ostoria.", True),  # a hashtag
        ("The paper wrote this. Go, team \u2714", True),     # a pictograph
        ("The paper wrote this. Ana Lee said so on Friday.", False),  # the paper's prose
    ],
)
def test_a_post_filling_its_paragraph_begins_with_the_line_before(before: str, carried: bool) -> None:
    draft = f"{before}\n\nA short post. — Ana Lee (@analee) May 1, 2024\n"
    assert checked(draft)[0] == ("The paper wrote this." if carried else before)


def test_a_post_reaches_back_only_within_its_limit() -> None:
    long_post = "A post of many words. " * 12
    draft = f"Feel safer and much happier now\n\n{long_post}— Ana Lee (@analee) May 1, 2024\n"
    assert checked(draft) == ["Feel safer and much happier now", ""]  # 31 characters more than 280


def test_a_paragraph_the_post_repeats_is_the_paper_quoting_it() -> None:
    draft = ('"Great day in Ostoria!" she wrote.\n\n'
             "Great day in Ostoria! — Ana Lee (@analee) May 1, 2024\n")
    assert checked(draft) == ['"Great day in Ostoria!" she wrote.', ""]


def test_names_in_a_post_are_not_the_papers(kb: KBIndex) -> None:
    draft = ("US President Joe Biden spoke on Friday and wrote:\n\n"
             "Thanks to President Joe Blinken! — Ana Lee (@analee) May 1, 2024\n")
    assert links(kb, draft) == [("Joe Biden", "US President")]


def test_a_dash_without_a_handle_and_date_is_prose() -> None:
    assert kinds("He left — Ana Lee said so — on May 1, 2024.") == []


# -- credits and captions --------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Ana Lee meets voters. Photograph: Li Wei/Reuters", "Photograph: Li Wei/Reuters"),
        ("Ana Lee meets voters. (AP Photo/Li Wei)", "AP Photo/Li Wei"),
        ("Ana Lee meets voters. | Li Wei/Getty Images", "Li Wei/Getty Images"),
        ("Ana Lee meets voters. (Photo: Li Wei, AFP/Getty Images)", "Photo: Li Wei, AFP/Getty Images"),
        ("Ana Lee meets voters. Li Wei | AFP | Getty Images", "Li Wei | AFP | Getty Images"),
    ],
)
def test_a_picture_credit_is_left_out_and_the_sentence_before_is_its_caption(text: str, credit: str) -> None:
    (caption, before), got_credit = kinds(text)
    assert got_credit == ("credit", credit)
    assert (caption, before.rstrip(" (|")) == ("caption", "Ana Lee meets voters.")
    assert checked(text)[0].rstrip(" (|)") == "Ana Lee meets voters."


def test_a_credit_ends_at_its_agency() -> None:
    text = "Photograph: Li Wei/AP Joe Biden spoke on Friday."
    assert kinds(text) == [("credit", "Photograph: Li Wei/AP")]
    assert checked(text) == ["Joe Biden spoke on Friday."]


def test_a_slash_between_words_that_name_no_agency_is_prose() -> None:
    assert kinds("The Trump/Russia inquiry and the Ostoria/Varga talks went on.") == []


def test_a_caption_in_a_long_paragraph_is_its_last_sentence() -> None:
    prose = "The minister spoke to reporters in the capital for an hour about the budget and taxes. " * 4
    text = prose + "Ana Lee waves. Photograph: Li Wei/Reuters And then the paper went on."
    assert kinds(text)[0] == ("caption", "Ana Lee waves.")


def test_in_a_caption_a_name_is_checked_without_its_title(kb: KBIndex) -> None:
    prose = "The minister spoke to reporters in the capital for an hour about the budget and taxes. " * 4
    draft = (f"US President Joe Biden spoke. {prose}"
             "President Joe Biden waves in 2010. Photograph: Li Wei/Reuters")
    assert links(kb, draft) == [("Joe Biden", "US President"), ("Joe Biden", None)]


def test_a_gallery_paragraph_is_all_caption() -> None:
    text = "Photos: the visit President Joe Biden waves. Hide Caption 3 of 12"
    assert kinds(text) == [("caption", text)]


# -- bylines and related links -----------------------------------------------------------

@pytest.mark.parametrize("text", ["By Ana Lee", "By Ana Lee and Li Wei, Agency", "By Ana Lee & Li Wei"])
def test_a_byline_is_left_out(text: str) -> None:
    assert kinds(text) == [("byline", text)]


@pytest.mark.parametrize("text", ["By Friday, Joe Biden had left.", "By Mr. Biden's reckoning, it was fine."])
def test_a_sentence_that_opens_with_by_is_prose(text: str) -> None:
    assert kinds(text) == []


def test_a_related_headline_is_undated(kb: KBIndex) -> None:
    assert [k for k, _ in kinds("Read more: President Joe Biden visits Ostoria")] == ["related"]
    assert [k for k, _ in kinds("President Joe Biden visits Ostoria Read more")] == ["related"]
    assert links(kb, "President Joe Biden visits Ostoria Read more") == [("Joe Biden", None)]


def test_read_more_in_a_sentence_is_prose() -> None:
    assert kinds("You can read more about Joe Biden in our guide.") == []
    assert Kind.RELATED.value == "related"


def test_a_draft_marks_each_paragraph_as_it_would_alone() -> None:
    # mark() looks only for the trigger words the draft holds: a paragraph without one is left as it is
    paras = ["Plain words, no furniture.", "Rain fell. — Ana Lee (@analee) May 1, 2024", "By Ana Lee",
             "A crowd gathers. Photograph: A. Smith/Reuters", "Picture 2 of 9", "Related: Rain falls again"]
    assert checked("\n\n".join(paras)) == [checked(p)[0] for p in paras]
    assert checked("\n\n".join(paras[:1] * 2)) == [paras[0]] * 2
