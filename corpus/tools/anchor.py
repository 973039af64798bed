#!/usr/bin/env python3
"""Compile annotation files (corpus/annotations/*.ann) into the corpus (corpus/documents/*.jsonl).

Usage: anchor.py [ANN_FILE ...]   (default: every corpus/annotations/*.ann)

An .ann file names its source and, per document, the events an annotator read and decided:

    @source wikipedia/palmyra_offensive_(2017).md     (relative to shared/data, or news/... for corpus/news)
    @doc 2                                              a section key from wiki_sections.py; all of it was read
    captured | the Army | ISIL | Hayyan gas fields | 4 February | recaptured | On 4 February, the Army recaptured the Hayyan gas fields.
    none | ISIL | | Palmyra | | vowed to retake | ... | plan, not an event

Fields: type | actor | counterpart | place | time | trigger | evidence | note (optional).
An empty field is null. Each span is looked up inside the evidence first, then in the whole
document at the occurrence nearest before the evidence (an actor named a sentence earlier), then
after it. Append @N to a field to take its Nth occurrence inside the evidence (1-based).
Every @doc block is exhaustive: place mentions of that document with no line are negatives.
The compiler fails loudly, naming the file and line, when a span or the evidence is not found.
"""
import glob
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
def find_shared():
    """shared/ beside the repository (or beside the folder of a git worktree), or $EVENTX_SHARED."""
    if os.environ.get("EVENTX_SHARED"):
        return os.environ["EVENTX_SHARED"]
    repo = os.path.dirname(CORPUS)
    for candidate in (os.path.join(repo, "..", "shared"), os.path.join(repo, "..", "..", "shared")):
        if os.path.isdir(candidate):
            return os.path.normpath(candidate)
    return os.path.join(repo, "..", "shared")


SHARED = find_shared()
TYPES = {"captured", "withdrew", "controls", "contested", "none"}
sys.path.insert(0, HERE)
import wiki_sections  # noqa: E402


class AnnError(Exception):
    pass


def load_test_articles():
    path = os.path.join(CORPUS, "test-articles.txt")
    if not os.path.exists(path):
        return set()
    return {l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")}


def source_docs(source):
    """Map section key -> (title, text) for a source."""
    if source.startswith("wikipedia/"):
        path = os.path.join(SHARED, "data", "wikipedia", "syria-iraq", source[len("wikipedia/"):])
        return {k: (t, b) for k, t, b in wiki_sections.sections(path)}, path
    if source.startswith("news/"):
        path = os.path.join(CORPUS, source)
        text = open(path, encoding="utf-8").read().replace("\r\n", "\n")
        return {"0": (source, text)}, path
    raise AnnError(f"unknown source kind: {source}")


def find_span(text, needle, ev_start, ev_end, where, whole_words=False):
    """The nth occurrence of needle in the evidence, else the nearest before it, else the first after. With
    whole_words (places), an occurrence inside a longer word ("Syria" in "Syrian") does not count."""
    nth = 1
    if "@" in needle and needle.rsplit("@", 1)[1].isdigit():
        needle, n = needle.rsplit("@", 1)
        nth = int(n)
    needle = needle.strip()

    def whole(i):
        return not whole_words or (not (i > 0 and text[i - 1].isalnum() and needle[0].isalnum())
                                   and not (i + len(needle) < len(text) and text[i + len(needle)].isalnum() and needle[-1].isalnum()))

    # Inside the evidence.
    pos, count = ev_start, 0
    while True:
        i = text.find(needle, pos, ev_end)
        if i < 0:
            break
        pos = i + 1
        if not whole(i):
            continue
        count += 1
        if count == nth:
            return {"start": i, "end": i + len(needle), "text": needle}
    if whole_words and text.find(needle, ev_start, ev_end) >= 0:
        raise AnnError(f"{where}: '{needle}' occurs in the evidence only inside a longer word (\"Syria\" in \"Syrian\"): "
                       "a place must be a whole name")
    if nth > 1:
        raise AnnError(f"{where}: '{needle}' occurs fewer than {nth} times in the evidence")
    before = text.rfind(needle, 0, ev_start)
    if before >= 0:
        return {"start": before, "end": before + len(needle), "text": needle}
    after = text.find(needle, ev_end)
    if after >= 0:
        return {"start": after, "end": after + len(needle), "text": needle}
    raise AnnError(f"{where}: '{needle}' not found in the document")


def to_utf16(doc):
    """Python indexes code points; the corpus (and .NET) counts UTF-16 code units. Convert every span."""
    text = doc["text"]
    if all(ord(c) < 0x10000 for c in text):
        return doc
    units, n = [], 0
    for c in text:
        units.append(n)
        n += 2 if ord(c) >= 0x10000 else 1
    units.append(n)
    for e in doc["events"]:
        for name in ("trigger", "actor", "counterpart", "place", "time", "evidence"):
            span = e.get(name)
            if span:
                span["start"], span["end"] = units[span["start"]], units[span["end"]]
    return doc


def compile_file(path, test_articles):
    docs_out = []
    source, docs, current = None, None, None
    for lineno, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        where = f"{os.path.relpath(path, CORPUS)}:{lineno}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@source "):
            source = line[len("@source "):].strip()
            docs, _ = source_docs(source)
            continue
        if line.startswith("@doc "):
            if docs is None:
                raise AnnError(f"{where}: @doc before @source")
            key = line[len("@doc "):].split("#")[0].strip()
            if key not in docs:
                raise AnnError(f"{where}: no section {key} in {source} (see wiki_sections.py)")
            title, text = docs[key]
            article = os.path.splitext(source.split("/", 1)[1])[0]
            current = {
                "id": f"{source.split('/')[0]}/{article}#{key}",
                "date": None,
                "title": title,
                "source": source,
                "licence": "CC BY-SA 4.0 (Wikipedia contributors)" if source.startswith("wikipedia/") else "see corpus/README.md",
                "split": "test" if article in test_articles else "train",
                "text": text,
                "events": [],
            }
            docs_out.append(current)
            continue
        if line.startswith("@date "):
            if current is None:
                raise AnnError(f"{where}: @date before @doc")
            current["date"] = line[len("@date "):].strip()
            continue
        if current is None:
            raise AnnError(f"{where}: event line before @doc")
        fields = [f.strip() for f in line.split("|")]
        if len(fields) < 7:
            raise AnnError(f"{where}: expected 7 or 8 fields separated by |, got {len(fields)}")
        etype, actor, counterpart, place, time, trigger, evidence = fields[:7]
        note = " | ".join(fields[7:]).strip() or None
        if etype not in TYPES:
            raise AnnError(f"{where}: unknown type '{etype}' (one of {sorted(TYPES)})")
        text = current["text"]
        ev_start = text.find(evidence)
        if not evidence or ev_start < 0:
            raise AnnError(f"{where}: evidence not found verbatim in document {current['id']}: '{evidence[:80]}'")
        ev_end = ev_start + len(evidence)
        if not place:
            raise AnnError(f"{where}: every line needs a place")
        event = {"type": etype}
        for name, value in (("trigger", trigger), ("actor", actor), ("counterpart", counterpart), ("place", place), ("time", time)):
            event[name] = find_span(text, value, ev_start, ev_end, f"{where} {name}", whole_words=name == "place") if value else None
        for name in ("actor", "counterpart"):
            # "the Free Idlib Army also clashed with al-Nusra in Idlib": the first "Idlib" is the actor's; the place is the second.
            a, p = event[name], event["place"]
            if a and a["start"] <= p["start"] and p["end"] <= a["end"] and text.find(p["text"], a["end"], ev_end) >= 0:
                raise AnnError(f"{where}: the place '{p['text']}' was found inside the {name} '{a['text']}' although the evidence "
                               f"names it again later: write '{p['text']}@N' for the occurrence meant")
        event["evidence"] = {"start": ev_start, "end": ev_end}
        if note:
            event["note"] = note
        current["events"].append(event)
    return docs_out


def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(CORPUS, "annotations", "*.ann")))
    test_articles = load_test_articles()
    failures = 0
    for path in files:
        try:
            docs = compile_file(path, test_articles)
        except (AnnError, OSError) as e:
            print(f"error: {e}", file=sys.stderr)
            failures += 1
            continue
        out = os.path.join(CORPUS, "documents", os.path.splitext(os.path.basename(path))[0] + ".jsonl")
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            for d in docs:
                f.write(json.dumps(to_utf16(d), ensure_ascii=False, sort_keys=False) + "\n")
        n_events = sum(1 for d in docs for e in d["events"] if e["type"] != "none")
        print(f"{os.path.relpath(out, CORPUS)}: {len(docs)} documents, {n_events} events")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
