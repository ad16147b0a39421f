#!/usr/bin/env python3
"""bench/match's generator: made-up originals and candidates, never a real article.

Text comes from a character Markov chain (order 2) trained on the sentences of the real
pages, so it reads like news Chinese, shares the stock phrases real articles share, and
no original repeats a real one. Writes ORIGINALS/NNNNNN.html, CANDIDATES/KIND-NNNN-ID.html
(ID: the original it copies, or "none") and CANDIDATES/to-traditional.txt (the pages
bench/match converts with opencc before the scan).
  match_gen.py REALPAGES ORIGINALS_DIR CANDIDATES_DIR COUNT PER_KIND
"""
import glob
import multiprocessing
import os
import random
import re
import sys

HAN = re.compile(r"[\u4e00-\u9fff]")
PUBLISHER = "星城日报"
STOCK = ["坚持以人民为中心的发展思想", "推动经济社会高质量发展", "切实增强群众的获得感幸福感安全感",
         "全面贯彻落实党的二十大精神", "据了解，下一步有关部门将继续加大工作力度"]


def sentences(pages):
    out = []
    for f in sorted(glob.glob(os.path.join(pages, "*.html"))):
        b = open(f, "rb").read()
        for enc in ("utf-8", "gb18030"):
            try:
                t = b.decode(enc)
                break
            except UnicodeDecodeError:
                t = None
        if t is None:
            t = b.decode("utf-8", "ignore")
        t = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", t)
        t = re.sub(r"(?s)<[^>]+>", " ", t)
        t = re.sub(r"&[a-zA-Z#0-9]+;", " ", t)
        for s in re.split(r"[。！？\n]", t):
            s = re.sub(r"\s+", "", s)
            if len(HAN.findall(s)) >= 10 and len(s) <= 200:
                out.append(s + "。")
    return out


CHAIN = {}
STARTS = []


def train(sents):
    for s in sents:
        s = "^^" + s
        for i in range(2, len(s)):
            CHAIN.setdefault(s[i - 2:i], []).append(s[i])
    STARTS.extend(k for k in CHAIN if k.startswith("^^"))


def text(rng, chars):
    out, state, n = [], "^^", 0
    while n < chars:
        nxt = CHAIN.get(state)
        if not nxt:
            state = "^^"
            continue
        c = rng.choice(nxt)
        out.append(c)
        n += 1
        state = state[1] + c
        if c == "。":
            state = "^^"
    s = "".join(out)
    return s if s.endswith("。") else s + "。"


def paragraphs(t, rng):
    parts, cur = [], ""
    for s in t.split("。"):
        if not s:
            continue
        cur += s + "。"
        if len(cur) > rng.randint(80, 200):
            parts.append(cur)
            cur = ""
    if cur:
        parts.append(cur)
    return parts


def page(title, body, rng, site=PUBLISHER, chrome_before="", chrome_after="", date="2024-05-01"):
    paras = "".join("<p>%s</p>\n" % p for p in paragraphs(body, rng))
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s_%s</title></head><body>\n"
            "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/news\">新闻</a> <a href=\"/city\">本地</a></div>\n%s"
            "<div class=\"main\"><h1>%s</h1>\n<div class=\"info\">%s 来源：%s 记者 王小林</div>\n"
            "<div class=\"article\">\n%s</div></div>\n%s<div class=\"footer\">版权所有 %s</div></body></html>\n"
            % (title, site, chrome_before, title, date, PUBLISHER, paras, chrome_after, site))


def original_text(i):
    rng = random.Random(i)
    body = text(rng, rng.randint(300, 1200))
    if rng.random() < 0.03:  # stock phrases, as many real articles carry them
        body = body + rng.choice(STOCK) + "。"
    return rng, text(rng, rng.randint(10, 20)).rstrip("。"), body


# Announcements carried in full by many originals (above the common-mark cap) and by a few.
def notices():
    rng = random.Random(-1)
    return [text(rng, 260) for _ in range(6)]


def carried_notice(i):
    """The notice original i carries, if any: notices 0-4 by 1 in 200 (100 each in 100,000:
    boilerplate), notice 5 by 3 originals (copied about equally: named, matched to none)."""
    if i in (11, 12, 13):
        return 5
    return (i // 200) % 5 if i % 200 == 7 else None


def write_original(i):
    rng, title, body = original_text(i)
    n = carried_notice(i)
    if n is not None:
        body = text(rng, 60) + NOTICES[n]
    d = "2024-%02d-%02d" % (1 + i % 12, 1 + i % 28)
    with open(os.path.join(ORIG, "%06d.html" % i), "w") as f:
        f.write(page(title, body, rng, date=d))


def other_chrome(rng):
    before = "<div class=\"crumbs\">当前位置：首页 &gt; 资讯 &gt; 正文</div>\n"
    comments = "".join("<li>网友%d：%s</li>" % (k, text(rng, rng.randint(10, 40))) for k in range(rng.randint(2, 6)))
    related = "".join("<li><a href=\"/a/%d\">%s</a></li>" % (k, text(rng, 14)) for k in range(6))
    after = ("<div class=\"comments\"><h3>网友评论</h3><ul>%s</ul></div>\n"
             "<div class=\"sidebar\"><h3>热门推荐</h3><ul>%s</ul></div>\n" % (comments, related))
    return before, after


def candidates(n, per_kind):
    rng = random.Random(7)
    notes = NOTICES
    out = []  # (kind, original id or None, html, traditional?)
    for k in range(per_kind):
        i = rng.randrange(n)
        while carried_notice(i) is not None:
            i = rng.randrange(n)
        r, title, body = original_text(i)
        new_title = text(rng, 14).rstrip("。")
        b, a = other_chrome(rng)
        out.append(("retitled", i, page(new_title, body, rng, site="某某资讯网"), False))
        cut = max(1, int(len(body) * rng.uniform(0.36, 0.6)))
        start = rng.randrange(0, len(body) - cut + 1)
        out.append(("excerpt", i, page(title, body[start:start + cut], rng, site="某某资讯网"), False))
        wrapped = "编者按：" + text(rng, rng.randint(100, 250)) + body + "相关阅读：" + text(rng, rng.randint(200, 500))
        out.append(("wrapped", i, page(title, wrapped, rng, site="某某资讯网"), False))
        out.append(("traditional", i, page(title, body, rng, site="某某资讯网"), True))
        out.append(("chrome", i, page(title, body, rng, site="某某资讯网", chrome_before=b, chrome_after=a), False))
        # Not copies.
        # A quotation is a sentence or a part of one (up to 50 characters), not a quarter of
        # the article: Markov sentences run long, so long ones are cut.
        quote = rng.choice([s for s in body.split("。") if len(s) >= 12] or [body[:30]])[:50]
        own = text(rng, rng.randint(300, 700))
        mid = len(own) // 2
        out.append(("quotation", None, page(new_title, own[:mid] + "他说：“" + quote + "。”" + own[mid:], rng,
                                            site="某某资讯网"), False))
        out.append(("phrase", None, page(new_title, text(rng, 200) + rng.choice(STOCK) + "。" + text(rng, 300), rng,
                                         site="某某资讯网"), False))
        out.append(("boilerplate", None, page(new_title, rng.choice(notes) + text(rng, rng.randint(100, 300)), rng,
                                              site="某某资讯网"), False))
        out.append(("unrelated", None, page(new_title, text(rng, rng.randint(300, 900)), rng, site="某某资讯网"), False))
    return out


if __name__ == "__main__":
    pages, ORIG, CAND, count, per_kind = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    train(sentences(pages))
    NOTICES = notices()
    os.makedirs(ORIG, exist_ok=True)
    os.makedirs(CAND, exist_ok=True)
    with multiprocessing.Pool() as pool:  # fork: workers share the trained chain
        pool.map(write_original, range(count), chunksize=500)
    trad = []
    for k, (kind, i, html, traditional) in enumerate(candidates(count, per_kind)):
        name = "%s-%04d-%s.html" % (kind, k, "none" if i is None else "%06d" % i)
        with open(os.path.join(CAND, name), "w") as f:
            f.write(html)
        if traditional:
            trad.append(name)
    with open(os.path.join(CAND, "to-traditional.txt"), "w") as f:
        f.write("\n".join(trad) + "\n")
