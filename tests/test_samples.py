"""The bundled sample documents: they load, cover enough ground, and copy nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
import pytest
from edtf import parse_edtf
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.errors import SourceError
from pactwatch.samples import FORMS, Sample, load_samples, parse_sample

SAMPLES = load_samples()
SAMPLE_IDS = [sample.id for sample in SAMPLES]
COPY_RUN = 12  # words in a row that no sample may share with a gold text
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

GOOD_FRONT = """---
id: xx-yy-demo-2024
title: "A headline"
form: news report
published: 2024-05-02
parties: [US, IN]
sources:
  - "Some outlet, 'Some title', 2 May 2024"
license: CC0-1.0
---
"""


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def _runs(text: str, size: int = COPY_RUN) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_there_are_at_least_ten_samples() -> None:
    assert len(SAMPLES) >= 10


def test_samples_cover_five_pairs_of_states() -> None:
    pairs = {frozenset(sample.parties) for sample in SAMPLES}
    assert len(pairs) >= 5


def test_samples_use_every_form() -> None:
    assert {sample.form for sample in SAMPLES} == set(FORMS)


def test_samples_are_sorted_with_unique_ids() -> None:
    assert sorted(set(SAMPLE_IDS)) == SAMPLE_IDS


def test_bundled_files_are_all_loaded() -> None:
    stems = {path.stem for path in SAMPLES[0].path.parent.glob("*.md")}
    assert stems == set(SAMPLE_IDS)


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_id_is_file_stem(sample: Sample) -> None:
    assert sample.path.stem == sample.id
    assert sample.path.is_file()


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_published_is_edtf(sample: Sample) -> None:
    assert str(parse_edtf(sample.published)) == sample.published


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_parties_are_iso_alpha2(sample: Sample) -> None:
    assert len(sample.parties) >= 2
    assert len(set(sample.parties)) == len(sample.parties)
    for code in sample.parties:
        assert len(code) == 2 and code.isupper(), code
        assert pycountry.countries.get(alpha_2=code) is not None, code


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_sources_and_license(sample: Sample) -> None:
    assert sample.sources
    assert all(len(source) > 20 for source in sample.sources)
    assert sample.license == "CC0-1.0"


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_body_is_plain_prose_of_the_agreed_length(sample: Sample) -> None:
    assert 250 <= len(sample.text.split()) <= 700
    assert not any(line.lstrip().startswith("#") for line in sample.text.splitlines())
    assert "---" not in sample.text


def test_no_sample_shares_a_long_run_of_words_with_gold(gold_dir: Path) -> None:
    gold_runs: set[tuple[str, ...]] = set()
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold_runs |= _runs(json.loads(gold_file.read_text(encoding="utf-8"))["text"])
    assert gold_runs, "the gold set has no texts"
    shared = {sample.id: _runs(sample.text) & gold_runs for sample in SAMPLES}
    assert {key: value for key, value in shared.items() if value} == {}


def test_copy_guard_catches_a_copied_run() -> None:
    text = SAMPLES[0].text
    words = text.split()
    borrowed = "Intro words here. " + " ".join(words[10 : 10 + COPY_RUN]) + " and more."
    assert _runs(borrowed) & _runs(text)


def test_parse_sample_reads_front_matter_and_body(tmp_path: Path) -> None:
    path = tmp_path / "xx-yy-demo-2024.md"
    sample = parse_sample(GOOD_FRONT + "Body one.\n\nBody two.\n", path=path)
    assert sample.id == "xx-yy-demo-2024"
    assert sample.published == "2024-05-02"
    assert sample.parties == ("US", "IN")
    assert sample.text == "Body one.\n\nBody two."


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("no front matter at all\n", "does not start"),
        ("---\nid: x\n", "no closing"),
        ("---\nid: [unclosed\n---\nbody\n", "not valid YAML"),
        ("---\n- a list\n---\nbody\n", "not a mapping"),
        (GOOD_FRONT.replace("id: xx-yy-demo-2024", "id: other") + "body\n", "file stem"),
        (GOOD_FRONT.replace("news report", "blog post") + "body\n", "form"),
        (GOOD_FRONT.replace('title: "A headline"\n', "") + "body\n", "'title'"),
        (GOOD_FRONT.replace("parties: [US, IN]", "parties: US") + "body\n", "'parties'"),
        (GOOD_FRONT.replace("published: 2024-05-02", "published:") + "body\n", "'published'"),
        (GOOD_FRONT + "\n\n", "no body"),
    ],
)
def test_parse_sample_names_the_file_on_bad_input(tmp_path: Path, raw: str, reason: str) -> None:
    path = tmp_path / "xx-yy-demo-2024.md"
    with pytest.raises(SourceError, match=reason) as caught:
        parse_sample(raw, path=path)
    assert "xx-yy-demo-2024.md" in str(caught.value)
    assert caught.value.source == "xx-yy-demo-2024.md"


@pytest.mark.parametrize("published", ["2024", "2024-05", "2024-05~", "2024-05-02/2024-05-09"])
def test_parse_sample_keeps_edtf_published(tmp_path: Path, published: str) -> None:
    raw = GOOD_FRONT.replace("published: 2024-05-02", f'published: "{published}"') + "Body.\n"
    sample = parse_sample(raw, path=tmp_path / "xx-yy-demo-2024.md")
    assert sample.published == published


@given(
    body=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
        min_size=1,
        max_size=300,
    ).filter(lambda body: body.strip() and "---" not in body)
)
def test_parse_sample_returns_the_body_stripped(body: str) -> None:
    sample = parse_sample(GOOD_FRONT + body + "\n", path=Path("xx-yy-demo-2024.md"))
    assert sample.text == "\n".join(body.splitlines()).strip()
