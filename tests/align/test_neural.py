"""The sentence-transformers path end to end with a tiny local model (no download)."""
from __future__ import annotations

import os
import re

import pytest

from toolkit.align import align

from .test_properties import check_partition
from .test_synthetic import EN, FR

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    pytest.importorskip("sentence_transformers")
    import torch
    from sentence_transformers import SentenceTransformer
    try:  # sentence-transformers >= 6
        from sentence_transformers.sentence_transformer import modules as models
    except ImportError:  # pragma: no cover
        from sentence_transformers import models
    from transformers import BertConfig, BertModel, BertTokenizer

    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("tiny")
    words = sorted({w.lower() for s in FR + EN for w in re.findall(r"\w+", s)})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "'", "-"] + words
    bert_dir = root / "bert"
    bert_dir.mkdir()
    (bert_dir / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128)
    BertModel(config).save_pretrained(bert_dir)
    BertTokenizer(str(bert_dir / "vocab.txt")).save_pretrained(bert_dir)
    word = models.Transformer(str(bert_dir), max_seq_length=128)
    dim = (word.get_embedding_dimension() if hasattr(word, "get_embedding_dimension")
           else word.get_word_embedding_dimension())
    pool = models.Pooling(dim, pooling_mode="mean")
    st_dir = root / "st"
    SentenceTransformer(modules=[word, pool], device="cpu").save(str(st_dir))
    return st_dir


def test_neural_path_end_to_end(tiny_model):
    beads = align(FR, EN, model=str(tiny_model), on_warning=lambda m: None)
    check_partition(beads, len(FR), len(EN))
    # a random tiny model carries no meaning; the lexical evidence mixed in keeps the beads right
    assert [(b.fr_ids, b.en_ids) for b in beads] == [((i,), (i,)) for i in range(len(FR))]


def test_neural_path_uneven(tiny_model):
    en = EN[:2] + EN[3:]
    beads = align(FR, en, model=str(tiny_model), on_warning=lambda m: None)
    check_partition(beads, len(FR), len(en))
    assert ((2,), ()) in [(b.fr_ids, b.en_ids) for b in beads]


def test_model_not_found(tmp_path):
    from toolkit.errors import InputError

    with pytest.raises(InputError, match="cannot load"):
        align(FR, EN, model=str(tmp_path / "nowhere"))


def test_neural_path_coarse_to_fine(tiny_model):
    # more cells than the full-matrix limit: the band comes from block sums (neural + lexical)
    fr = [f"{s[:-1]} ({k})." for k in range(120) for s in FR]
    en = [f"{s[:-1]} ({k})." for k in range(120) for s in EN]
    del en[100], en[400]
    beads = align(fr, en, model=str(tiny_model), on_warning=lambda m: None)
    check_partition(beads, len(fr), len(en))
    ones = sum(1 for b in beads if len(b.fr_ids) == 1 and len(b.en_ids) == 1)
    assert ones >= len(en) - 6


def test_loaded_model_object(tiny_model):
    from sentence_transformers import SentenceTransformer

    m = SentenceTransformer(str(tiny_model), device="cpu")
    beads = align(FR[:3], EN[:3], model=m, on_warning=lambda m: None)
    assert [(b.fr_ids, b.en_ids) for b in beads] == [((i,), (i,)) for i in range(3)]
