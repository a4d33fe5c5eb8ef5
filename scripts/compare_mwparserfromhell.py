#!/usr/bin/env python3
"""Compare wikistruct's headings and infobox fields with mwparserfromhell's
on a folder of wikitext articles.

Usage: compare_mwparserfromhell.py WIKISTRUCT_BINARY ARTICLE_DIR
Needs `pip install mwparserfromhell`. Prints per-article disagreements and
the share of headings and infobox fields (key and stripped value) that agree.
"""

import collections
import json
import os
import re
import subprocess
import sys

import mwparserfromhell


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def reference(text):
    code = mwparserfromhell.parse(text)
    heads = [(h.level, norm(h.title.strip_code())) for h in code.filter_headings()]
    fields = []
    for t in code.filter_templates(recursive=True):
        name = norm(str(t.name)).lower().replace("_", " ")
        if name.startswith("infobox"):
            for p in t.params:
                fields.append((norm(str(p.name)), norm(p.value.strip_code())))
            break
    return heads, fields


def main():
    binary, folder = sys.argv[1:3]
    h_ok = h_all = f_ok = f_all = k_ok = 0
    why = collections.Counter()
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        text = open(path, encoding="utf-8").read()
        out = subprocess.run([binary, "extract", path, "--dialect", "wikitext", "--compact"],
                             capture_output=True, text=True)
        doc = json.loads(out.stdout)
        heads, fields = reference(text)
        ours_h = [(s["level"], norm(s["title"])) for s in doc["sections"]]
        ours_f = [(norm(f["key"]), norm(f["value"])) for f in (doc["infobox"] or {}).get("fields", [])]
        h_all += max(len(heads), len(ours_h))
        h_ok += sum(1 for h in ours_h if h in heads)
        f_all += max(len(fields), len(ours_f))
        keys = {k for k, _ in fields}
        k_ok += sum(1 for k, _ in ours_f if k in keys)
        f_ok += sum(1 for f in ours_f if f in fields)
        # Where the values differ, why: the reference strips templates to
        # nothing (we show what they render) or drops the space a <br>
        # stands for; or a real difference.
        ours_by_key = dict(reversed(ours_f))
        for k, v in fields:
            o = ours_by_key.get(k)
            if o is None or o == v:
                continue
            if v == "":
                why["reference empty: a template it strips"] += 1
            elif o.replace(" ", "") == v.replace(" ", ""):
                why["white space only (<br> as a space)"] += 1
            elif v in o:
                why["ours holds the reference and more"] += 1
            else:
                why["other"] += 1
        miss_h = [h for h in heads if h not in ours_h]
        if miss_h:
            print(f"{name}: headings differ: {miss_h[:3]}")
        diff = [f for f in fields if f not in ours_f]
        if diff:
            print(f"{name}: {len(diff)} infobox fields differ, e.g. {diff[:2]} vs "
                  f"{[o for o in ours_f if o[0] == diff[0][0]][:1]}")
    print(f"headings agree: {h_ok}/{h_all} = {h_ok / max(h_all, 1):.3f}")
    print(f"infobox keys agree: {k_ok}/{f_all} = {k_ok / max(f_all, 1):.3f}")
    print(f"infobox key+value agree: {f_ok}/{f_all} = {f_ok / max(f_all, 1):.3f}")
    for reason, n in why.most_common():
        print(f"  values differ, {reason}: {n}")


if __name__ == "__main__":
    main()
