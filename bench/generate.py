#!/usr/bin/python3
"""Write N synthetic unit reports (layout 2021) and a roster, for the rollup benchmark.

    /usr/bin/python3 bench/generate.py --units 200000 --out /tmp/govstats-bench-data/200000

writes

    OUT/units/<code>.json        one report per unit (plus a few resubmissions, minus a few
                                 missing units: see --missing and --duplicates)
    OUT/roster.json              every unit expected, {"name", "year", "units": [...]}
    OUT/manifest.json            the parameters, the file count, and the expected roll-up
                                 findings (missing and duplicate codes); written last, so a
                                 folder without it is incomplete

The units are organised like the real thing: counties of 59 units (43 departments and 16 towns,
the layout of examples/data), codes C0001-D01 … C0001-T16, C0002-D01 …  Every report is
consistent (every error rule of format/README.md holds), all tables are filled, a few units leave
zero cells blank (null or a missing key, as real towns do), some cells use the object form
{"value", "note", "raw"}, amounts have up to four decimals, and every report has
extensions/indicators and three text sections.

Deterministic: unit i is drawn from its own random.Random seeded with (seed, i), so the same
arguments give byte-identical files, and the first 10,000 units of a 200,000-unit set are the
10,000-unit set (apart from the choice of missing and duplicate units, which depends on N).

Fast: one small JSON encoder call per table row, and one process per core (--jobs);
200,000 files take about a minute on two cores.

Standard library only; run with /usr/bin/python3.
"""

import argparse
import json
import multiprocessing
import os
import random
import shutil
import sys
import time
from decimal import Decimal

GENERATOR_VERSION = 1
DEFAULT_SEED = 20220131
YEAR = 2021
UNITS_PER_COUNTY = 59

APPLICANTS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org"]
APP_COLUMNS = APPLICANTS + ["total"]
OUTCOMES = [
    "disclosed", "partially_disclosed",
    "withheld.state_secret", "withheld.prohibited", "withheld.security", "withheld.third_party",
    "withheld.internal", "withheld.process", "withheld.enforcement_file", "withheld.inquiry",
    "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
    "declined.petition", "declined.duplicate", "declined.publication", "declined.excessive",
    "declined.confirmation",
    "other.no_correction", "other.unpaid_fee", "other.misc",
]
APP_ROWS = ["received", "carried_over"] + OUTCOMES + ["total", "carried_forward"]
RL_ROWS = ["review", "litigation_direct", "litigation_after_review"]
RL_PARTS = ["upheld", "corrected", "other", "pending"]
RL_COLUMNS = RL_PARTS + ["total"]

OUTCOME_WEIGHTS = [46, 5, 0.3, 0.4, 0.4, 2.5, 1.5, 2.5, 1.2, 1.5, 20, 3, 2.5, 5, 2.5, 0.6, 0.5, 1,
                   2, 0.3, 2]
TOWN_OUTCOME_WEIGHTS = list(OUTCOME_WEIGHTS)
TOWN_OUTCOME_WEIGHTS[OUTCOMES.index("unavailable.not_held")] = 30
APPLICANT_WEIGHTS = {"town": [94, 3, 0, 0.5, 1, 1.5], "big": [78, 11, 0.5, 1, 7, 2.5],
                     "normal": [86, 7, 1, 1, 3, 2]}


def cumulative(weights):
    out, s = [], 0.0
    for w in weights:
        s += w
        out.append(s)
    return out


CUM_OUTCOMES = cumulative(OUTCOME_WEIGHTS)
CUM_TOWN_OUTCOMES = cumulative(TOWN_OUTCOME_WEIGHTS)
CUM_APPLICANTS = {k: cumulative(v) for k, v in APPLICANT_WEIGHTS.items()}
CUM_RL = cumulative([62, 9, 18, 11])

# The 59 unit slots of a county (as in examples/data): short name, kind, profile.
#   apps (lo, hi) applications a year; big: companies and lawyers apply; docs (lo, hi, stock);
#   lic / pen / enf (lo, hi) decisions; fee: charges fees (amount in 万元); pro (lo, hi) items
D = "department"
SLOTS = [
    ("D01", "教育和体育局", D, dict(apps=(5, 18), docs=(1, 3, 14), fee=True, pen=(0, 3), pro=(300, 520))),
    ("D02", "发展和改革局", D, dict(apps=(3, 15), docs=(1, 3, 18), pen=(0, 4), pro=(180, 320))),
    ("D03", "公安局", D, dict(apps=(70, 150), big=True, docs=(0, 2, 9), lic=(300, 700),
                          pen=(1800, 3200), enf=(120, 300), fee=True, pro=(260, 460))),
    ("D04", "民政局", D, dict(apps=(2, 12), docs=(1, 3, 16), pro=(200, 380))),
    ("D05", "司法局", D, dict(apps=(0, 6), docs=(0, 1, 5), pro=(120, 240))),
    ("D06", "财政局", D, dict(apps=(3, 15), docs=(1, 4, 25), pen=(0, 2), pro=(260, 480))),
    ("D07", "人力资源和社会保障局", D, dict(apps=(25, 60), big=True, docs=(1, 3, 20), pen=(3, 15),
                                   enf=(0, 3), pro=(280, 460))),
    ("D08", "自然资源和规划局", D, dict(apps=(80, 150), big=True, docs=(1, 4, 22), lic=(60, 160),
                                 pen=(15, 40), enf=(2, 10), fee=True, pro=(240, 420))),
    ("D09", "生态环境局", D, dict(apps=(5, 20), docs=(0, 2, 8), pen=(12, 35), enf=(3, 12), pro=(160, 300))),
    ("D10", "住房和城乡建设局", D, dict(apps=(35, 90), big=True, docs=(1, 3, 17), pen=(6, 25), fee=True,
                                 pro=(200, 360))),
    ("D11", "交通运输局", D, dict(apps=(3, 15), docs=(0, 2, 10), pen=(200, 420), enf=(20, 60), pro=(170, 300))),
    ("D12", "水利局", D, dict(apps=(2, 10), docs=(0, 2, 9), pen=(1, 8), pro=(150, 260))),
    ("D13", "农业农村局", D, dict(apps=(5, 20), docs=(1, 3, 15), pen=(8, 25), enf=(0, 4), pro=(260, 440))),
    ("D14", "商务局", D, dict(apps=(0, 5), docs=(0, 2, 6), pen=(0, 3), pro=(110, 220))),
    ("D15", "文化广电和旅游局", D, dict(apps=(0, 4), docs=(0, 1, 6), pen=(2, 10), pro=(160, 300))),
    ("D16", "卫生健康委员会", D, dict(apps=(5, 20), docs=(1, 3, 14), pen=(10, 35), enf=(0, 5), pro=(280, 480))),
    ("D17", "退役军人事务局", D, dict(apps=(0, 5), docs=(0, 1, 4), pro=(100, 200))),
    ("D18", "应急管理局", D, dict(apps=(1, 6), docs=(0, 2, 7), pen=(15, 40), enf=(0, 6), pro=(150, 280))),
    ("D19", "审计局", D, dict(apps=(0, 4), pro=(90, 170))),
    ("D20", "市场监督管理局", D, dict(apps=(10, 30), big=True, docs=(0, 2, 8), lic=(800, 1800),
                               pen=(60, 150), enf=(10, 40), pro=(260, 460))),
    ("D21", "统计局", D, dict(apps=(0, 3), pen=(0, 3), pro=(100, 190))),
    ("D22", "医疗保障局", D, dict(apps=(0, 6), docs=(0, 2, 6), pen=(1, 6), pro=(140, 260))),
    ("D23", "林业局", D, dict(apps=(1, 8), docs=(0, 1, 5), pen=(5, 18), pro=(110, 210))),
    ("D24", "城市管理局", D, dict(apps=(3, 15), docs=(0, 2, 7), pen=(150, 320), enf=(10, 40), pro=(160, 300))),
    ("D25", "行政审批局", D, dict(apps=(3, 12), docs=(0, 2, 6), lic=(2200, 4200), pro=(220, 400))),
    ("D26", "人民政府办公室", "government", dict(apps=(10, 40), big=True, docs=(8, 15, 96), pro=(600, 900))),
    ("D27", "工业和信息化局", D, dict(apps=(0, 5), docs=(0, 2, 8), pen=(0, 2), pro=(120, 220))),
    ("D28", "科学技术局", D, dict(apps=(0, 2), docs=(0, 1, 4), pro=(80, 150))),
    ("D29", "民族宗教事务局", D, dict(apps=(0, 2), pro=(60, 120))),
    ("D30", "信访局", D, dict(apps=(0, 5), pro=(60, 130))),
    ("D31", "地方金融监督管理局", D, dict(apps=(0, 3), docs=(0, 1, 3), pro=(70, 140))),
    ("D32", "人民防空办公室", D, dict(apps=(0, 3), pen=(0, 2), fee=True, pro=(60, 120))),
    ("D33", "机关事务管理局", D, dict(apps=(0, 2), pro=(50, 110))),
    ("D34", "粮食和物资储备局", D, dict(apps=(0, 3), pen=(0, 2), pro=(60, 120))),
    ("D35", "畜牧兽医局", D, dict(apps=(0, 3), pen=(2, 8), pro=(80, 160))),
    ("D36", "大数据发展局", D, dict(apps=(0, 1), pro=(60, 120))),
    ("D37", "气象局", D, dict(apps=(0, 1), lic=(0, 3), pro=(90, 180))),
    ("D38", "国有资产监督管理办公室", D, dict(apps=(0, 4), docs=(0, 1, 5), pro=(50, 110))),
    ("D39", "公路事业发展中心", D, dict(apps=(0, 4), pen=(5, 20), pro=(70, 140))),
    ("D40", "供销合作社联合社", D, dict(apps=(0, 2), pro=(40, 90))),
    ("D41", "投资促进局", D, dict(apps=(0, 2), pro=(70, 140))),
    ("D42", "残疾人联合会", D, dict(apps=(0, 2), pro=(50, 100))),
    ("D43", "公共资源交易中心", D, dict(apps=(0, 4), docs=(0, 1, 4), pro=(300, 520))),
    ("T01", "城关镇", "town", dict(apps=(6, 20), big=True, pro=(120, 260))),
    ("T02", "东城街道办事处", "town", dict(apps=(5, 18), big=True, pro=(110, 240))),
    ("T03", "西城街道办事处", "town", dict(apps=(4, 16), big=True, pro=(100, 220))),
    ("T04", "青石镇", "town", dict(apps=(1, 9), pro=(60, 150))),
    ("T05", "柳河镇", "town", dict(apps=(1, 8), pro=(50, 140))),
    ("T06", "桃源镇", "town", dict(apps=(0, 7), pro=(50, 140))),
    ("T07", "龙泉镇", "town", dict(apps=(2, 10), pro=(70, 160))),
    ("T08", "白马镇", "town", dict(apps=(0, 6), pro=(40, 120))),
    ("T09", "马坊镇", "town", dict(apps=(2, 9), pro=(50, 130))),
    ("T10", "新集镇", "town", dict(apps=(0, 6), pro=(40, 120))),
    ("T11", "双河镇", "town", dict(apps=(0, 5), pro=(40, 110))),
    ("T12", "石门镇", "town", dict(apps=(0, 5), pro=(40, 110))),
    ("T13", "杨庄乡", "town", dict(apps=(0, 3), pro=(30, 90))),
    ("T14", "河口乡", "town", dict(apps=(0, 3), pro=(30, 90))),
    ("T15", "北山乡", "town", dict(apps=(0, 2), pro=(30, 80))),
    ("T16", "南岭乡", "town", dict(apps=(0, 2), pro=(30, 80))),
]
assert len(SLOTS) == UNITS_PER_COUNTY

# County size: a factor on the applications and decisions of every unit of the county.
COUNTY_SCALES = [0.4, 0.6, 0.8, 1, 1, 1, 1.3, 1.6, 2, 3]

# Syllables for county names (unique per county index).
NAME_CHARS = "安宁平和兴华东西南北清河山阳泉石桥新丰永昌庆德宜昭文武嘉善长乐"

OPENINGS = [
    "{year}年，{who}深入贯彻落实《中华人民共和国政府信息公开条例》，围绕县委、县政府中心工作，持续加强政府信息主动公开和依申请公开工作。",
    "{year}年，{who}认真落实县政府关于政务公开工作的部署要求，健全信息发布审核机制，政务公开工作规范有序推进。",
    "{year}年，在县政务公开领导小组的指导下，{who}进一步完善政府信息公开工作制度，明确专人负责信息的发布、更新和维护。",
    "{year}年，{who}坚持“以公开为常态、不公开为例外”，严格执行信息发布“三审三校”制度，确保公开信息准确、及时。",
]
TOWN_OPENINGS = [
    "{year}年，{who}以惠民政策、财政资金、征地补偿等群众关注的信息为重点，通过县政府门户网站镇（乡）街专栏和村务公开栏做好信息公开。",
    "{year}年，{who}将政务公开与基层治理相结合，推进基层政务公开标准化规范化建设，便民服务事项全部在便民服务中心公示。",
]
PROACTIVE = [
    "全年通过县政府门户网站主动公开政府信息{p}条，发布政策解读{i}篇{k}。",
    "全年主动公开各类政府信息{p}条，其中政策解读{i}篇{k}。",
]
APPS_NONE = "本年度未收到政府信息公开申请，无上年结转申请。"
APPS_SOME = [
    "全年共收到政府信息公开申请{r}件，上年结转{c}件，办结{d}件，结转下年度继续办理{f}件。",
    "本年度受理政府信息公开申请{r}件（另有上年结转{c}件），办结{d}件，结转下年度{f}件。",
]
PROBLEMS = [
    "一是政策解读形式较为单一，图表、音视频等解读方式运用不多。二是公开平台之间的信息同步不够及时。",
    "一是信息公开工作人员多为兼职，业务水平有待进一步提高。二是政民互动和回应关切不够充分。",
    "一是部分栏目信息更新不够及时，内容维护存在滞后。二是信息发布前的保密审查流程有待细化。",
]
IMPROVE = [
    "下一步，我们将加强业务培训，健全信息发布审核机制，不断提升政务公开工作质量。",
    "今后将对照县政务公开工作要点，逐项抓好整改落实，推动政务公开工作提质增效。",
]
OTHER = [
    "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度收取信息处理费0元。无其他需要报告的事项。",
    "{year}年度未收取信息处理费（0元），无其他需要报告的事项。",
]


def county_name(index):
    """A unique, pronounceable county name for county number `index` (0-based)."""
    n = len(NAME_CHARS)
    a, b = index % n, (index // n) % n
    rest = index // (n * n)
    return "样本" + NAME_CHARS[a] + NAME_CHARS[b] + (str(rest + 1) if rest else "") + "县"


def unit_identity(i):
    county, slot = divmod(i, UNITS_PER_COUNTY)
    code, short, kind, prof = SLOTS[slot]
    cname = county_name(county)
    return {"code": "C{:04d}-{}".format(county + 1, code), "name": cname + short, "kind": kind,
            "short": short, "slot": code, "prof": prof, "county": cname, "county_index": county}


def split(rng, n, cum, k):
    """n items into k categories with cumulative weights cum."""
    counts = [0] * k
    if n:
        for j in rng.choices(range(k), cum_weights=cum, k=n):
            counts[j] += 1
    return counts


def draw_unit(seed, i, resubmission=False):
    """The report of unit i as a dict of tables etc. (numbers only; text added later)."""
    u = unit_identity(i)
    rng = random.Random(seed * 1000003 + i * 2 + (1 if resubmission else 0))
    prof = u["prof"]
    scale = COUNTY_SCALES[(u["county_index"] * 2654435761 >> 7) % len(COUNTY_SCALES)]
    town = u["kind"] == "town"

    def scaled(r):
        lo, hi = r
        return rng.randint(int(lo * scale), max(int(lo * scale), int(hi * scale + 0.5)))

    # applications: every balance holds by construction
    apps = {r: dict.fromkeys(APP_COLUMNS, 0) for r in APP_ROWS}
    n = scaled(prof.get("apps", (0, 3)))
    cum_app = CUM_APPLICANTS["town" if town else "big" if prof.get("big") else "normal"]
    received = split(rng, n, cum_app, 6)
    carried = split(rng, rng.randint(0, n // 12), cum_app, 6)
    cum_out = CUM_TOWN_OUTCOMES if town else CUM_OUTCOMES
    for k, c in enumerate(APPLICANTS):
        available = received[k] + carried[k]
        forward = min(available, int(available * 0.06 + rng.random()))
        done = available - forward
        apps["received"][c] = received[k]
        apps["carried_over"][c] = carried[k]
        apps["carried_forward"][c] = forward
        apps["total"][c] = done
        for row, v in zip(OUTCOMES, split(rng, done, cum_out, len(OUTCOMES))):
            apps[row][c] = v
    for row in apps.values():
        row["total"] = sum(row[c] for c in APPLICANTS)
    done_total = apps["total"]["total"]

    review = {}
    reviews = int(done_total * 0.035 + rng.random())
    direct = int(done_total * 0.012 + rng.random() * 0.5)
    after = int(reviews * 0.4 + rng.random() * 0.5)
    for row, m in (("review", reviews), ("litigation_direct", direct), ("litigation_after_review", after)):
        parts = split(rng, m, CUM_RL, 4)
        review[row] = dict(zip(RL_PARTS, parts))
        review[row]["total"] = m

    dlo, dhi, stock = prof.get("docs", (0, 0, 0))
    issued = rng.randint(dlo, dhi)
    repealed = rng.randint(0, stock // 5) if stock else 0
    in_force = max(issued, stock - stock // 4 + issued - repealed)
    art20_1 = {"regulations": {"issued": 0, "repealed": 0, "in_force": 0},
               "normative_documents": {"issued": issued, "repealed": repealed, "in_force": in_force}}
    if rng.random() < 0.02 and repealed:
        lapsed = rng.randint(0, repealed)
        art20_1["normative_documents"]["repealed"] = {
            "value": repealed, "note": "含自然失效 {} 件".format(lapsed),
            "raw": "{}（含自然失效 {} 件）".format(repealed, lapsed)}
    art20_5 = {"licensing": {"decisions": scaled(prof["lic"]) if "lic" in prof else 0}}
    penalty = scaled(prof["pen"]) if "pen" in prof else (rng.choice([0, 0, 0, 1, 2, 3, 5]) if town else 0)
    art20_6 = {"penalty": {"decisions": penalty},
               "enforcement": {"decisions": scaled(prof["enf"]) if "enf" in prof else 0}}
    if prof.get("fee") and rng.random() < 0.6:
        # 0 … 2,000 万元 times the county scale, to the 元 (four decimals), the 百元 or the 万元分
        units = rng.randint(1, int(20000000 * scale))
        units -= units % rng.choice([1, 10, 100])
        fee = Decimal(units).scaleb(-4)
        text = format(fee, "f").rstrip("0").rstrip(".")   # 773.423, not 773.4230
        fee = Decimal(text)
    else:
        fee = Decimal(0)
    art20_8 = {"fees": {"amount": fee}}

    lo, hi = prof.get("pro", (50, 150))
    if town:
        ind = {"proactive_items": rng.randint(lo, hi), "policy_interpretations": rng.randint(0, 5),
               "press_conferences": rng.choice([0, 0, 0, 1])}
    elif u["kind"] == "government":
        ind = {"proactive_items": rng.randint(lo, hi), "policy_interpretations": rng.randint(25, 40),
               "press_conferences": rng.randint(8, 14)}
    else:
        ind = {"proactive_items": rng.randint(lo, hi), "policy_interpretations": rng.randint(1, 18),
               "press_conferences": rng.choice([0, 0, 1, 1, 2, 3, 4])}

    tables = {"art20_1": art20_1, "art20_5": art20_5, "art20_6": art20_6, "art20_8": art20_8,
              "applications": apps, "review_litigation": review}

    # Blank cells, as some real units leave them: only zero cells, so every rule still holds.
    r = rng.random()
    if town and r < 0.10:
        for row in apps.values():               # the four rare applicant columns: null
            for c in ("research", "nonprofit", "legal_services", "other_org"):
                if row[c] == 0:
                    row[c] = None
    elif town and r < 0.16:
        for key in OUTCOMES:                    # all-zero outcome rows: null
            if not any(apps[key].values()):
                for c in APP_COLUMNS:
                    apps[key][c] = None
        for key in ("litigation_direct", "litigation_after_review"):
            if not any(review[key].values()):
                for c in RL_COLUMNS:
                    review[key][c] = None
    elif r < 0.02:
        for t in (art20_5, art20_6, art20_8):   # zero cells of section 二: key left out
            for row in t.values():
                for c in [c for c, v in row.items() if v == 0]:
                    del row[c]

    who = u["short"] if town else "县" + u["short"]
    k = ind["press_conferences"]
    press = "，召开新闻发布会{}场".format(k) if k else ""
    overview = (rng.choice(TOWN_OPENINGS if town else OPENINGS).format(year=YEAR, who=who) +
                rng.choice(PROACTIVE).format(p=ind["proactive_items"], i=ind["policy_interpretations"],
                                             k=press))
    rc = apps["received"]["total"] + apps["carried_over"]["total"]
    overview += APPS_NONE if rc == 0 else rng.choice(APPS_SOME).format(
        r=apps["received"]["total"], c=apps["carried_over"]["total"], d=done_total,
        f=apps["carried_forward"]["total"])
    if resubmission:
        overview += "（更正后重新报送）"
    text = {"overview": overview, "problems": rng.choice(PROBLEMS) + rng.choice(IMPROVE),
            "other_matters": rng.choice(OTHER).format(year=YEAR)}
    return u, tables, text, ind


def dumps(v):
    return json.dumps(v, ensure_ascii=False)


def row_text(row):
    """One table row on one line: { "a": 1, "b": null, "c": {"value": …} }; amounts exact."""
    parts = []
    for c, v in row.items():
        if isinstance(v, Decimal):
            s = str(v)
        elif v is None:
            s = "null"
        elif isinstance(v, int):
            s = str(v)
        else:
            s = json.dumps(v, ensure_ascii=False, separators=(", ", ": "))
        parts.append('"' + c + '": ' + s)
    return "{ " + ", ".join(parts) + " }" if parts else "{}"


def report_text(u, tables, text, ind, parent):
    out = ['{\n  "govstats": 1,\n  "version": "2021",\n  "year": ', str(YEAR),
           ',\n  "unit": { "name": ', dumps(u["name"]), ', "code": ', dumps(u["code"]),
           ', "kind": "', u["kind"], '", "parent": ', dumps(parent),
           ' },\n  "scope": "own",\n  "tables": {\n']
    tparts = []
    for tname, table in tables.items():
        rows = ",\n".join('      "' + rname + '": ' + row_text(row) for rname, row in table.items())
        tparts.append('    "' + tname + '": {\n' + rows + "\n    }")
    out.append(",\n".join(tparts))
    out.append('\n  },\n  "text": {\n')
    out.append(",\n".join('    "' + k + '": ' + dumps(v) for k, v in text.items()))
    out.append('\n  },\n  "extensions": {\n    "indicators": ')
    out.append(json.dumps(ind, separators=(", ", ": ")))
    out.append("\n  }\n}\n")
    return "".join(out)


def plan(n, seed, missing, duplicates):
    """Which unit indices have no file, and which have a second (resubmitted) file."""
    rng = random.Random("{}/plan/{}".format(seed, n))
    chosen = rng.sample(range(n), min(n, missing + duplicates))
    return set(chosen[:missing]), set(chosen[missing:])


def write_range(args):
    out, seed, start, stop, missing, duplicates = args
    units = os.path.join(out, "units")
    n = 0
    for i in range(start, stop):
        versions = ([False] if i not in missing else []) + ([True] if i in duplicates else [])
        for resub in versions:
            u, tables, text, ind = draw_unit(seed, i, resub)
            name = u["code"] + ("-resubmitted.json" if resub else ".json")
            with open(os.path.join(units, name), "w", encoding="utf-8") as f:
                f.write(report_text(u, tables, text, ind, u["county"] + "人民政府"))
            n += 1
    return n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--units", "-n", type=int, required=True, help="units on the roster (N)")
    ap.add_argument("--out", "-o", required=True, help="folder to write (replaced if it exists)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--missing", type=int, default=None,
                    help="roster units without a report (default max(1, N/5000))")
    ap.add_argument("--duplicates", type=int, default=None,
                    help="units with a second, resubmitted report (default max(1, N/5000))")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--quiet", "-q", action="store_true")
    a = ap.parse_args(argv)

    n = a.units
    missing_n = a.missing if a.missing is not None else max(1, n // 5000)
    dup_n = a.duplicates if a.duplicates is not None else max(1, n // 5000)
    if n < 2 or missing_n + dup_n > n:
        ap.error("--units must be at least 2 and larger than --missing + --duplicates")
    missing, duplicates = plan(n, a.seed, missing_n, dup_n)

    # Check the free space first: about 5 KB of data (and one 4 KB block) per file.
    parent = os.path.dirname(os.path.abspath(a.out)) or "."
    os.makedirs(parent, exist_ok=True)
    need = (n + dup_n) * 8192 + (64 << 20)
    free = shutil.disk_usage(parent).free
    if free < need * 2:
        sys.exit("generate.py: {} has {:.1f} GB free, {:.1f} GB needed (with a margin): refusing"
                 .format(parent, free / 1e9, need * 2 / 1e9))

    t0 = time.monotonic()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(os.path.join(a.out, "units"))

    # Roster first (cheap): every unit, including the missing ones.
    roster_units = []
    for i in range(n):
        u = unit_identity(i)
        roster_units.append('    {"code": "' + u["code"] + '", "name": ' + dumps(u["name"]) +
                            ', "kind": "' + u["kind"] + '"}')
    with open(os.path.join(a.out, "roster.json"), "w", encoding="utf-8") as f:
        f.write('{\n  "name": "全国样本（' + str(n) + ' 个单位）",\n  "year": ' + str(YEAR) +
                ',\n  "units": [\n' + ",\n".join(roster_units) + "\n  ]\n}\n")

    chunk = 2000
    tasks = [(a.out, a.seed, s, min(n, s + chunk), missing, duplicates) for s in range(0, n, chunk)]
    written = 0
    if a.jobs > 1 and len(tasks) > 1:
        with multiprocessing.get_context("fork").Pool(a.jobs) as pool:
            for k in pool.imap_unordered(write_range, tasks):
                written += k
                if not a.quiet:
                    print("\rgenerate.py: {} files".format(written), end="", file=sys.stderr, flush=True)
    else:
        for t in tasks:
            written += write_range(t)
    if not a.quiet:
        print("\rgenerate.py: {} files in {:.1f} s → {}".format(written, time.monotonic() - t0, a.out),
              file=sys.stderr)

    manifest = {
        "generator": GENERATOR_VERSION, "units": n, "seed": a.seed, "year": YEAR, "files": written,
        "missing": sorted(unit_identity(i)["code"] for i in missing),
        "duplicates": sorted(unit_identity(i)["code"] for i in duplicates),
    }
    with open(os.path.join(a.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
