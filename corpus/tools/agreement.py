#!/usr/bin/env python3
"""Inter-annotator agreement: corpus/agreement/X.ann (a blind second annotation) against corpus/annotations/X.ann.

Usage: agreement.py [ARTICLE ...]   (default: every file in corpus/agreement/)

Both files are compiled in memory (nothing is written). Only documents (@doc) that both annotated are
compared. The unit is a place mention in a sentence: (document, place span, evidence sentence start),
labelled with the set of event types the annotator gave it there; a mention one annotator left
unannotated is `none` for that annotator (documents are exhaustive). Prints, per type, the second
annotator's precision/recall/F1 against the first, and Cohen's kappa over the mentions' primary label.
"""
import collections
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import anchor  # noqa: E402

TYPES = ["captured", "withdrew", "controls", "contested"]
PRIORITY = {t: i for i, t in enumerate(TYPES)}


def sentence_start(text, pos):
    """Start of the sentence holding pos: after the last '. ' / newline before it (a simple, shared cut)."""
    cut = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    return cut + 2 if cut >= 0 else 0


def units(docs):
    labels = collections.defaultdict(set)
    for d in docs:
        text = d["text"]
        for e in d["events"]:
            key = (d["id"], e["place"]["start"], e["place"]["end"], sentence_start(text, e["evidence"]["start"]))
            labels[key].add(e["type"])
    return labels


def primary(types):
    real = sorted((t for t in types if t != "none"), key=PRIORITY.get)
    return real[0] if real else "none"


def main():
    names = sys.argv[1:] or [os.path.splitext(os.path.basename(p))[0] for p in sorted(glob.glob(os.path.join(CORPUS, "agreement", "*.ann")))]
    a_all, b_all = {}, {}
    for name in names:
        a_docs = anchor.compile_file(os.path.join(CORPUS, "annotations", name + ".ann"), set())
        b_docs = anchor.compile_file(os.path.join(CORPUS, "agreement", name + ".ann"), set())
        shared = {d["id"] for d in a_docs} & {d["id"] for d in b_docs}
        a_all.update(units([d for d in a_docs if d["id"] in shared]))
        b_all.update(units([d for d in b_docs if d["id"] in shared]))
        print(f"{name}: {len(shared)} documents compared")
    keys = sorted(set(a_all) | set(b_all))
    print(f"{len(keys)} place mentions in sentences annotated by either annotator")
    print(f"{'type':<10} {'first':>6} {'second':>6} {'both':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for t in TYPES:
        a = {k for k in keys if t in a_all.get(k, ())}
        b = {k for k in keys if t in b_all.get(k, ())}
        both = len(a & b)
        p = both / len(b) if b else 0.0
        r = both / len(a) if a else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{t:<10} {len(a):>6} {len(b):>6} {both:>6} {p:>6.2f} {r:>6.2f} {f:>6.2f}")
    pa = [primary(a_all.get(k, {"none"})) for k in keys]
    pb = [primary(b_all.get(k, {"none"})) for k in keys]
    observed = sum(x == y for x, y in zip(pa, pb)) / len(keys)
    ca, cb = collections.Counter(pa), collections.Counter(pb)
    expected = sum(ca[l] * cb[l] for l in set(ca) | set(cb)) / (len(keys) ** 2)
    kappa = (observed - expected) / (1 - expected) if expected < 1 else 1.0
    print(f"primary-label agreement {observed:.3f}, Cohen's kappa {kappa:.3f}")
    confusion = collections.Counter(zip(pa, pb))
    labels = TYPES + ["none"]
    print("confusion (rows: first annotator, columns: second)")
    print(" " * 10 + "".join(f"{l:>10}" for l in labels))
    for x in labels:
        print(f"{x:<10}" + "".join(f"{confusion[(x, y)]:>10}" for y in labels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
