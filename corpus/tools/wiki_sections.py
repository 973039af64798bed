#!/usr/bin/env python3
"""Cut a Wikipedia Markdown article (shared/data/wikipedia) into plain-text sections.

Usage: wiki_sections.py ARTICLE.md            -> list sections: index, title, length
       wiki_sections.py ARTICLE.md N [N ...]  -> print the plain text of those sections

The plain text is what the corpus stores and what offsets index into. The cleaning is
deterministic, so the same article always gives the same text: front matter, images,
tables and HTML are dropped; links keep their words; emphasis marks are removed.
Sections longer than MAX_CHARS are cut at paragraph breaks into parts N.1, N.2, ...
"""
import re
import sys

MAX_CHARS = 6000


def clean_line(line):
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)                # images
    line = re.sub(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)", r"\1", line)  # links keep their words
    line = re.sub(r"<[^>]+>", "", line)                              # html tags
    line = line.replace("**", "").replace("__", "")
    line = re.sub(r"(?<![\w*])\*(?!\s)([^*]+?)\*(?!\w)", r"\1", line)  # *italic*
    line = re.sub(r"\[\d+\]", "", line)                              # [12] footnote marks
    return line.rstrip()


def sections(path):
    text = open(path, encoding="utf-8").read().replace("\r\n", "\n")
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    result, title, paras, para = [], "Introduction", [], []

    def flush_para():
        if para:
            paras.append(" ".join(para).strip())
            para.clear()

    def flush_section():
        flush_para()
        body = [p for p in paras if p]
        if body:
            result.append((title, body))
        paras.clear()

    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped.startswith("#"):
            flush_section()
            title = clean_line(stripped.lstrip("#").strip())
            continue
        if not stripped:
            flush_para()
            continue
        if stripped.startswith(("|", "{|", "![", "<!--", "{{")):
            continue
        line = clean_line(stripped)
        if stripped.startswith(("- ", "* ")):
            flush_para()
            paras.append(clean_line(stripped[2:]).strip())
            continue
        if line:
            para.append(line.strip())
    flush_section()

    # Cut long sections into parts at paragraph breaks.
    out = []
    for i, (title, body) in enumerate(result):
        parts, current = [], []
        for p in body:
            if current and sum(len(x) + 2 for x in current) + len(p) > MAX_CHARS:
                parts.append(current)
                current = []
            current.append(p)
        if current:
            parts.append(current)
        for k, part in enumerate(parts):
            key = str(i) if len(parts) == 1 else f"{i}.{k + 1}"
            out.append((key, title, "\n\n".join(part)))
    return out


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    secs = sections(sys.argv[1])
    if len(sys.argv) == 2:
        for key, title, body in secs:
            print(f"{key}\t{len(body)}\t{title}")
        return 0
    wanted = set(sys.argv[2:])
    for key, title, body in secs:
        if key in wanted:
            print(f"=== section {key}: {title} ===\n{body}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
