#!/usr/bin/python3
"""Generate the sample county 示例县 (fictional) for libgovstats.

Writes, under the directory of this script:

  2020/units/<code>.json   59 unit reports, statistics year 2020, layout "2019" (clean)
  2020/roster.json         the 59 units expected in the 2020 consolidation
  2020/consolidated.json   exact cell-wise sum of the 59 reports of 2020 (scope "aggregate")
  2021/units/<code>.json   unit reports, statistics year 2021, layout "2021", with five
                           deliberate mistakes (see README.md in this directory)
  2021/roster.json         the 59 units expected in 2021
  2021/roster.csv          the same roster as CSV (code,name,kind)

Everything is derived from fixed seeds: running the script again gives byte-identical files.
Standard library only; run with /usr/bin/python3.

  /usr/bin/python3 generate.py            write the files
  /usr/bin/python3 generate.py --check    verify the files on disk: they are what this script
                                          writes, every rule of format/README.md holds except
                                          the documented mistakes, and the cross-year carry holds
"""

import argparse
import copy
import csv
import io
import json
import os
import random
import sys
from decimal import Decimal

SEED = 20220131  # the day the departments' reports are due (1月31日)
HERE = os.path.dirname(os.path.abspath(__file__))
COUNTY = "示例县"
GOVERNMENT = "示例县人民政府"

# --------------------------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------------------------

# code, short name (without the 示例县 prefix), kind, profile
#   apps:   range of applications received per year
#   big:    organs whose applicants are often companies or lawyers (land, housing, labour)
#   docs:   (min, max) normative documents made per year, stock of documents published so far
#   lic:    (licensing items, decisions min, decisions max)
#   svc:    (other management/service items, decisions min, decisions max)   (2019 layout only)
#   pen:    (penalty items, decisions min, decisions max)
#   enf:    (enforcement items, decisions min, decisions max)
#   fee:    (fee items, 2021 amount in 万元 as a string)
#   proc:   (procurement projects min, max, typical amount of one project in 万元)
#   pro:    (proactive items min, max)
DEPARTMENTS = [
    ("D01", "教育和体育局", "department", dict(apps=(5, 18), docs=(1, 3, 14), fee=(4, "613.5241"),
        proc=(8, 16, 60), pen=(6, 0, 3), pro=(300, 520))),
    ("D02", "发展和改革局", "department", dict(apps=(3, 15), docs=(1, 3, 18), pen=(12, 0, 4),
        proc=(1, 4, 12), pro=(180, 320))),
    ("D03", "公安局", "department", dict(apps=(70, 150), big=True, docs=(0, 2, 9),
        lic=(36, 300, 700), pen=(420, 1800, 3200), enf=(18, 120, 300), fee=(8, "45.2310"),
        proc=(4, 10, 45), pro=(260, 460))),
    ("D04", "民政局", "department", dict(apps=(2, 12), docs=(1, 3, 16), svc=(16, 600, 1500),
        fee=(1, "0"), proc=(1, 5, 15), pro=(200, 380))),
    ("D05", "司法局", "department", dict(apps=(0, 6), docs=(0, 1, 5), pro=(120, 240))),
    ("D06", "财政局", "department", dict(apps=(3, 15), docs=(1, 4, 25), pen=(8, 0, 2),
        proc=(1, 4, 20), pro=(260, 480))),
    ("D07", "人力资源和社会保障局", "department", dict(apps=(25, 60), big=True, docs=(1, 3, 20),
        svc=(62, 3000, 6000), pen=(40, 3, 15), enf=(4, 0, 3), proc=(1, 4, 25), pro=(280, 460))),
    ("D08", "自然资源和规划局", "department", dict(apps=(80, 150), big=True, docs=(1, 4, 22),
        lic=(38, 60, 160), pen=(95, 15, 40), enf=(6, 2, 10), fee=(5, "1234.5678"),
        proc=(3, 8, 70), pro=(240, 420))),
    ("D09", "生态环境局", "department", dict(apps=(5, 20), docs=(0, 2, 8), pen=(180, 12, 35),
        enf=(8, 3, 12), proc=(1, 3, 30), pro=(160, 300))),
    ("D10", "住房和城乡建设局", "department", dict(apps=(35, 90), big=True, docs=(1, 3, 17),
        pen=(130, 6, 25), fee=(3, "88.12"), proc=(2, 6, 50), pro=(200, 360))),
    ("D11", "交通运输局", "department", dict(apps=(3, 15), docs=(0, 2, 10), pen=(150, 200, 420),
        enf=(6, 20, 60), fee=(2, "0"), proc=(2, 6, 80), pro=(170, 300))),
    ("D12", "水利局", "department", dict(apps=(2, 10), docs=(0, 2, 9), pen=(60, 1, 8),
        proc=(2, 6, 90), pro=(150, 260))),
    ("D13", "农业农村局", "department", dict(apps=(5, 20), docs=(1, 3, 15), pen=(110, 8, 25),
        enf=(5, 0, 4), proc=(2, 7, 40), pro=(260, 440))),
    ("D14", "商务局", "department", dict(apps=(0, 5), docs=(0, 2, 6), pen=(30, 0, 3),
        pro=(110, 220))),
    ("D15", "文化广电和旅游局", "department", dict(apps=(0, 4), docs=(0, 1, 6), pen=(70, 2, 10),
        proc=(1, 3, 20), pro=(160, 300))),
    ("D16", "卫生健康委员会", "department", dict(apps=(5, 20), docs=(1, 3, 14), pen=(160, 10, 35),
        enf=(5, 0, 5), fee=(3, "0"), proc=(4, 10, 90), pro=(280, 480))),
    ("D17", "退役军人事务局", "department", dict(apps=(0, 5), docs=(0, 1, 4), proc=(0, 2, 10),
        pro=(100, 200))),
    ("D18", "应急管理局", "department", dict(apps=(1, 6), docs=(0, 2, 7), pen=(90, 15, 40),
        enf=(4, 0, 6), proc=(1, 3, 25), pro=(150, 280))),
    ("D19", "审计局", "department", dict(apps=(0, 4), pro=(90, 170))),
    ("D20", "市场监督管理局", "department", dict(apps=(10, 30), big=True, docs=(0, 2, 8),
        lic=(26, 800, 1800), pen=(680, 60, 150), enf=(22, 10, 40), fee=(2, "0"), proc=(1, 4, 30),
        pro=(260, 460))),
    ("D21", "统计局", "department", dict(apps=(0, 3), pen=(12, 0, 3), pro=(100, 190))),
    ("D22", "医疗保障局", "department", dict(apps=(0, 6), docs=(0, 2, 6), svc=(20, 2000, 5000),
        pen=(15, 1, 6), pro=(140, 260))),
    ("D23", "林业局", "department", dict(apps=(1, 8), docs=(0, 1, 5), pen=(55, 5, 18),
        proc=(0, 3, 35), pro=(110, 210))),
    ("D24", "城市管理局", "department", dict(apps=(3, 15), docs=(0, 2, 7), pen=(240, 150, 320),
        enf=(12, 10, 40), proc=(1, 4, 40), pro=(160, 300))),
    ("D25", "行政审批局", "department", dict(apps=(3, 12), docs=(0, 2, 6), lic=(236, 2200, 4200),
        svc=(34, 300, 800), proc=(1, 3, 25), pro=(220, 400))),
    ("D26", "人民政府办公室", "government", dict(apps=(10, 40), big=True, docs=(8, 15, 96),
        proc=(2, 6, 30), pro=(600, 900))),
    ("D27", "工业和信息化局", "department", dict(apps=(0, 5), docs=(0, 2, 8), pen=(10, 0, 2),
        pro=(120, 220))),
    ("D28", "科学技术局", "department", dict(apps=(0, 2), docs=(0, 1, 4), pro=(80, 150))),
    ("D29", "民族宗教事务局", "department", dict(apps=(0, 2), pro=(60, 120))),
    ("D30", "信访局", "department", dict(apps=(0, 5), pro=(60, 130))),
    ("D31", "地方金融监督管理局", "department", dict(apps=(0, 3), docs=(0, 1, 3), pro=(70, 140))),
    ("D32", "人民防空办公室", "department", dict(apps=(0, 3), pen=(8, 0, 2), fee=(1, "36.8"),
        pro=(60, 120))),
    ("D33", "机关事务管理局", "department", dict(apps=(0, 2), proc=(2, 6, 25), pro=(50, 110))),
    ("D34", "粮食和物资储备局", "department", dict(apps=(0, 3), pen=(6, 0, 2), pro=(60, 120))),
    ("D35", "畜牧兽医局", "department", dict(apps=(0, 3), pen=(40, 2, 8), pro=(80, 160))),
    ("D36", "大数据发展局", "department", dict(apps=(0, 1), proc=(1, 3, 60), pro=(60, 120))),
    ("D37", "气象局", "department", dict(apps=(0, 1), lic=(2, 0, 3), pro=(90, 180))),
    ("D38", "国有资产监督管理办公室", "department", dict(apps=(0, 4), docs=(0, 1, 5), pro=(50, 110))),
    ("D39", "公路事业发展中心", "department", dict(apps=(0, 4), pen=(25, 5, 20), proc=(1, 4, 120),
        pro=(70, 140))),
    ("D40", "供销合作社联合社", "department", dict(apps=(0, 2), pro=(40, 90))),
    ("D41", "投资促进局", "department", dict(apps=(0, 2), pro=(70, 140))),
    ("D42", "残疾人联合会", "department", dict(apps=(0, 2), proc=(0, 2, 15), pro=(50, 100))),
    ("D43", "公共资源交易中心", "department", dict(apps=(0, 4), docs=(0, 1, 4), pro=(300, 520))),
]

TOWNS = [
    ("T01", "城关镇", dict(apps=(6, 20), big=True, svc=(18, 200, 500), pro=(120, 260))),
    ("T02", "东城街道办事处", dict(apps=(5, 18), big=True, svc=(15, 150, 400), pro=(110, 240))),
    ("T03", "西城街道办事处", dict(apps=(4, 16), big=True, svc=(15, 120, 350), pro=(100, 220))),
    ("T04", "青石镇", dict(apps=(1, 9), pro=(60, 150))),
    ("T05", "柳河镇", dict(apps=(1, 8), pro=(50, 140))),
    ("T06", "桃源镇", dict(apps=(0, 7), pro=(50, 140))),
    ("T07", "龙泉镇", dict(apps=(2, 10), svc=(10, 80, 200), pro=(70, 160))),
    ("T08", "白马镇", dict(apps=(0, 6), pro=(40, 120))),
    ("T09", "马坊镇", dict(apps=(2, 9), pro=(50, 130))),
    ("T10", "新集镇", dict(apps=(0, 6), pro=(40, 120))),
    ("T11", "双河镇", dict(apps=(0, 5), pro=(40, 110))),
    ("T12", "石门镇", dict(apps=(0, 5), pro=(40, 110))),
    ("T13", "杨庄乡", dict(apps=(0, 3), pro=(30, 90))),
    ("T14", "河口乡", dict(apps=(0, 3), pro=(30, 90))),
    ("T15", "北山乡", dict(apps=(0, 2), pro=(30, 80))),
    ("T16", "南岭乡", dict(apps=(0, 2), pro=(30, 80))),
]


def all_units():
    units = []
    for code, short, kind, prof in DEPARTMENTS:
        units.append(dict(code=code, short=short, name=COUNTY + short, kind=kind, prof=prof))
    for code, short, prof in TOWNS:
        units.append(dict(code=code, short=short, name=COUNTY + short, kind="town", prof=prof))
    return units


# --------------------------------------------------------------------------------------------
# Layouts (keys of format/README.md)
# --------------------------------------------------------------------------------------------

APPLICANTS = [
    "natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org",
]
APP_COLUMNS = APPLICANTS + ["total"]

OUTCOMES_COMMON = [
    "disclosed", "partially_disclosed",
    "withheld.state_secret", "withheld.prohibited", "withheld.security", "withheld.third_party",
    "withheld.internal", "withheld.process", "withheld.enforcement_file", "withheld.inquiry",
    "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
    "declined.petition", "declined.duplicate", "declined.publication", "declined.excessive",
    "declined.confirmation",
]
OUTCOMES = {
    "2019": OUTCOMES_COMMON + ["other"],
    "2021": OUTCOMES_COMMON + ["other.no_correction", "other.unpaid_fee", "other.misc"],
}
APP_ROWS = {v: ["received", "carried_over"] + OUTCOMES[v] + ["total", "carried_forward"]
            for v in ("2019", "2021")}

RL_ROWS = ["review", "litigation_direct", "litigation_after_review"]
RL_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]

# table -> row -> columns, in printed order
ART20 = {
    "2019": {
        "art20_1": {"regulations": ["made", "published", "total_published"],
                    "normative_documents": ["made", "published", "total_published"]},
        "art20_5": {"licensing": ["items_prev", "items_change", "decisions"],
                    "other_services": ["items_prev", "items_change", "decisions"]},
        "art20_6": {"penalty": ["items_prev", "items_change", "decisions"],
                    "enforcement": ["items_prev", "items_change", "decisions"]},
        "art20_8": {"fees": ["items_prev", "items_change"]},
        "art20_9": {"procurement": ["projects", "amount"]},
    },
    "2021": {
        "art20_1": {"regulations": ["issued", "repealed", "in_force"],
                    "normative_documents": ["issued", "repealed", "in_force"]},
        "art20_5": {"licensing": ["decisions"]},
        "art20_6": {"penalty": ["decisions"], "enforcement": ["decisions"]},
        "art20_8": {"fees": ["amount"]},
    },
}
AMOUNT_COLUMNS = {"amount"}
SIGNED_COLUMNS = {"items_change"}


def layout(version):
    """table -> row -> [columns] for the whole report, printed order."""
    t = dict(ART20[version])
    t["applications"] = {r: list(APP_COLUMNS) for r in APP_ROWS[version]}
    t["review_litigation"] = {r: list(RL_COLUMNS) for r in RL_ROWS}
    return t


# --------------------------------------------------------------------------------------------
# Drawing numbers
# --------------------------------------------------------------------------------------------

# relative frequency of each outcome (2021 leaf rows; the 2019 "other" is the sum of other.*)
OUTCOME_WEIGHTS = {
    "disclosed": 46, "partially_disclosed": 5,
    "withheld.state_secret": 0.3, "withheld.prohibited": 0.4, "withheld.security": 0.4,
    "withheld.third_party": 2.5, "withheld.internal": 1.5, "withheld.process": 2.5,
    "withheld.enforcement_file": 1.2, "withheld.inquiry": 1.5,
    "unavailable.not_held": 20, "unavailable.needs_creation": 3, "unavailable.unclear": 2.5,
    "declined.petition": 5, "declined.duplicate": 2.5, "declined.publication": 0.6,
    "declined.excessive": 0.5, "declined.confirmation": 1,
    "other.no_correction": 2, "other.unpaid_fee": 0, "other.misc": 2,
}


def outcome_weights(version, unit):
    w = dict(OUTCOME_WEIGHTS)
    if unit["code"] == "D03":  # police: case files and look-ups
        w["withheld.enforcement_file"] = 6
        w["withheld.inquiry"] = 6
        w["declined.petition"] = 8
    if unit["kind"] == "town":  # towns often do not hold what is asked
        w["unavailable.not_held"] = 30
    if version == "2019":
        w["other"] = w.pop("other.no_correction") + w.pop("other.unpaid_fee") + w.pop("other.misc")
    rows = OUTCOMES[version]
    return rows, [w[r] for r in rows]


def applicant_weights(unit):
    if unit["kind"] == "town":
        return [94, 3, 0, 0.5, 1, 1.5]
    if unit["prof"].get("big"):
        return [78, 11, 0.5, 1, 7, 2.5]
    return [86, 7, 1, 1, 3, 2]


def split(rng, n, weights):
    counts = [0] * len(weights)
    for _ in range(n):
        counts[rng.choices(range(len(weights)), weights=weights)[0]] += 1
    return counts


def empty_apps(version):
    return {r: {c: 0 for c in APP_COLUMNS} for r in APP_ROWS[version]}


def fill_totals(apps):
    for row in apps.values():
        row["total"] = sum(row[c] or 0 for c in APPLICANTS)


def draw_applications(rng, unit, version, carried_over, received_total=None, received=None,
                      pending_rate=0.06, no_carry_forward=False):
    """One year's applications table; every rule holds by construction."""
    apps = empty_apps(version)
    lo, hi = unit["prof"].get("apps", (0, 3))
    if received is None:
        n = received_total if received_total is not None else rng.randint(lo, hi)
        received = dict(zip(APPLICANTS, split(rng, n, applicant_weights(unit))))
    rows, weights = outcome_weights(version, unit)
    for c in APPLICANTS:
        apps["received"][c] = received[c]
        apps["carried_over"][c] = carried_over[c]
        available = received[c] + carried_over[c]
        forward = 0
        if not no_carry_forward:
            forward = sum(rng.random() < pending_rate for _ in range(available))
        apps["carried_forward"][c] = forward
        done = available - forward
        for r, k in zip(rows, split(rng, done, weights)):
            apps[r][c] = k
        apps["total"][c] = done
    fill_totals(apps)
    return apps


def draw_carried_over_2019(rng, unit):
    """What the unit carried forward out of 2019: not in the data set, feeds 2020's carried_over."""
    lo, hi = unit["prof"].get("apps", (0, 3))
    n = sum(rng.random() < 0.05 for _ in range(rng.randint(lo, hi)))
    return dict(zip(APPLICANTS, split(rng, n, applicant_weights(unit))))


def draw_review(rng, apps_done):
    """review_litigation: a few reviews and suits for units with many applications."""
    reviews = sum(rng.random() < 0.035 for _ in range(apps_done))
    direct = sum(rng.random() < 0.012 for _ in range(apps_done))
    after = sum(rng.random() < 0.4 for _ in range(reviews))
    table = {}
    for row, n in (("review", reviews), ("litigation_direct", direct),
                   ("litigation_after_review", after)):
        parts = split(rng, n, [62, 9, 18, 11])
        table[row] = dict(zip(["upheld", "corrected", "other", "pending"], parts))
        table[row]["total"] = n
    return table


def amount(rng, typical, places=2):
    """A procurement amount in 万元 around `typical`, with `places` decimals."""
    value = Decimal(rng.randint(int(typical * 40), int(typical * 160))) / 100
    if places > 2:
        value += Decimal(rng.randint(0, 99)) / 10000
    return value


def draw_year(rng, unit, version, state):
    """Section 二 tables for one year; `state` carries stocks from 2020 to 2021."""
    p = unit["prof"]
    t = {}
    dlo, dhi, dstock = p.get("docs", (0, 0, 0))
    if version == "2019":
        made = rng.randint(dlo, dhi)
        stock = dstock + made
        state["docs_stock"] = stock
        t["art20_1"] = {"regulations": {"made": 0, "published": 0, "total_published": 0},
                        "normative_documents": {"made": made, "published": made,
                                                "total_published": stock}}
        t["art20_5"] = {}
        for row, key in (("licensing", "lic"), ("other_services", "svc")):
            items, a, b = p.get(key, (0, 0, 0))
            change = rng.choice([0, 0, 0, -1, 1, -2, 2]) if items else 0
            t["art20_5"][row] = {"items_prev": items, "items_change": change,
                                 "decisions": rng.randint(a, b) if items else 0}
        t["art20_6"] = {}
        for row, key in (("penalty", "pen"), ("enforcement", "enf")):
            items, a, b = p.get(key, (0, 0, 0))
            change = rng.choice([0, 0, -1, 1, -3, 2, 5]) if items else 0
            t["art20_6"][row] = {"items_prev": items, "items_change": change,
                                 "decisions": rng.randint(a, b) if items else 0}
        fee_items = p.get("fee", (0, "0"))[0]
        t["art20_8"] = {"fees": {"items_prev": fee_items,
                                 "items_change": rng.choice([0, 0, 0, -1]) if fee_items else 0}}
        plo, phi, typical = p.get("proc", (0, 0, 0))
        if unit["kind"] == "town" and not plo and not phi:
            plo, phi, typical = 0, 3, 20
        projects = rng.randint(plo, phi)
        total = sum((amount(rng, typical, places=rng.choice([2, 2, 4])) for _ in range(projects)),
                    Decimal(0))
        t["art20_9"] = {"procurement": {"projects": projects, "amount": total}}
    else:
        issued = rng.randint(dlo, dhi)
        repealed = rng.randint(0, max(0, state["docs_stock"] // 5)) if state["docs_stock"] else 0
        in_force = max(issued, state["docs_stock"] - state["docs_stock"] // 4 + issued - repealed)
        t["art20_1"] = {"regulations": {"issued": 0, "repealed": 0, "in_force": 0},
                        "normative_documents": {"issued": issued, "repealed": repealed,
                                                "in_force": in_force}}
        items, a, b = p.get("lic", (0, 0, 0))
        t["art20_5"] = {"licensing": {"decisions": rng.randint(a, b) if items else 0}}
        t["art20_6"] = {}
        for row, key in (("penalty", "pen"), ("enforcement", "enf")):
            items, a, b = p.get(key, (0, 0, 0))
            decisions = rng.randint(a, b) if items else 0
            if unit["kind"] == "town" and row == "penalty":
                # 2021: towns began to exercise delegated enforcement powers
                decisions = rng.choice([0, 0, 0, 1, 2, 3, 5])
            t["art20_6"][row] = {"decisions": decisions}
        t["art20_8"] = {"fees": {"amount": Decimal(p.get("fee", (0, "0"))[1])}}
    return t


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

OPENINGS = [
    "{year}年，{who}深入贯彻落实《中华人民共和国政府信息公开条例》，围绕县委、县政府中心工作，持续加强政府信息主动公开和依申请公开工作。",
    "{year}年，{who}认真落实县政府关于政务公开工作的部署要求，健全信息发布审核机制，政务公开工作规范有序推进。",
    "{year}年，在县政务公开领导小组的指导下，{who}进一步完善政府信息公开工作制度，明确专人负责信息的发布、更新和维护。",
    "{year}年，{who}把政务公开作为转变作风、接受监督的重要抓手，不断拓展公开渠道、丰富公开形式。",
    "{year}年，{who}坚持“以公开为常态、不公开为例外”，严格执行信息发布“三审三校”制度，确保公开信息准确、及时。",
]
TOWN_OPENINGS = [
    "{year}年，{who}以惠民政策、财政资金、征地补偿等群众关注的信息为重点，通过县政府门户网站镇（乡）街专栏和村务公开栏做好信息公开。",
    "{year}年，{who}将政务公开与基层治理相结合，推进基层政务公开标准化规范化建设，便民服务事项全部在便民服务中心公示。",
    "{year}年，{who}按照县政务公开工作要点，及时公开民生保障、乡村振兴、安全生产等方面信息，切实保障群众的知情权、参与权和监督权。",
]
PROACTIVE = [
    "全年通过县政府门户网站主动公开政府信息{p}条，发布政策解读{i}篇{k}。",
    "全年主动公开各类政府信息{p}条，其中政策解读{i}篇{k}。",
    "本年度共发布政府信息{p}条，围绕重要政策开展解读{i}篇{k}。",
]
APPS_NONE = [
    "本年度未收到政府信息公开申请，无上年结转申请。",
    "全年未收到依申请公开事项。",
]
APPS_SOME = [
    "全年共收到政府信息公开申请{r}件，上年结转{c}件，办结{d}件，结转下年度继续办理{f}件。",
    "本年度受理政府信息公开申请{r}件（另有上年结转{c}件），办结{d}件，其中予以公开{x}件，结转下年度{f}件。",
    "全年新收政府信息公开申请{r}件，办结{d}件（含上年结转{c}件），均在法定期限内作出答复。",
]
PROBLEMS_1 = [
    "一是政策解读形式较为单一，图表、音视频等解读方式运用不多。",
    "一是信息公开工作人员多为兼职，业务水平有待进一步提高。",
    "一是部分栏目信息更新不够及时，内容维护存在滞后。",
    "一是依申请公开答复文书的规范化水平仍需提升。",
    "一是主动公开的深度和广度不够，公开内容与群众需求的契合度有待提高。",
]
PROBLEMS_2 = [
    "二是政民互动和回应关切不够充分。",
    "二是基层政务公开标准化规范化建设推进较慢。",
    "二是信息发布前的保密审查流程有待细化。",
    "二是公开平台之间的信息同步不够及时。",
]
IMPROVE = [
    "下一步，我们将加强业务培训，健全信息发布审核机制，不断提升政务公开工作质量。",
    "{next}年，将进一步丰富解读形式，加强与县融媒体中心的协作，提高信息公开的时效性和实用性。",
    "今后将对照县政务公开工作要点，逐项抓好整改落实，推动政务公开工作提质增效。",
    "我们将进一步明确责任分工，完善考核机制，确保各项公开工作落到实处。",
]
OTHER_2020 = [
    "本年度未收取政府信息公开信息处理费。无其他需要报告的事项。",
    "{year}年度未发生政府信息公开收费情况，无其他需要报告的事项。",
    "本机关无其他需要报告的事项。",
]
OTHER_2021 = [
    "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度收取信息处理费0元。无其他需要报告的事项。",
    "{year}年度未收取信息处理费（0元），无其他需要报告的事项。",
    "本年度未发生信息处理费收费情况，收费金额为0元。无其他需要报告的事项。",
]


def who(unit):
    return "县" + unit["short"] if unit["kind"] != "town" else unit["short"]


def app_total(apps, row):
    return sum(apps[row][c] or 0 for c in APPLICANTS)


def draw_text(rng, unit, year, apps, indicators, fee_yuan=None):
    w = who(unit)
    opening = rng.choice(TOWN_OPENINGS if unit["kind"] == "town" else OPENINGS)
    k = indicators["press_conferences"]
    press = "，召开新闻发布会{}场".format(k) if k else ""
    proactive = rng.choice(PROACTIVE).format(p=indicators["proactive_items"],
                                             i=indicators["policy_interpretations"], k=press)
    r, c = app_total(apps, "received"), app_total(apps, "carried_over")
    d, f = app_total(apps, "total"), app_total(apps, "carried_forward")
    if r + c == 0:
        apps_text = rng.choice(APPS_NONE)
    else:
        apps_text = rng.choice(APPS_SOME).format(r=r, c=c, d=d, f=f,
                                                 x=app_total(apps, "disclosed"))
    overview = opening.format(year=year, who=w) + proactive + apps_text
    problems = (rng.choice(PROBLEMS_1) + rng.choice(PROBLEMS_2) +
                rng.choice(IMPROVE).format(next=year + 1))
    if year == 2020:
        other = rng.choice(OTHER_2020).format(year=year)
    elif fee_yuan:
        other = ("依据《政府信息公开信息处理费管理办法》，本年度向申请人发出收费通知2份，"
                 "实际收取信息处理费{}元。无其他需要报告的事项。".format(fee_yuan))
    else:
        other = rng.choice(OTHER_2021).format(year=year)
    return {"overview": overview, "problems": problems, "other_matters": other}


def draw_indicators(rng, unit):
    lo, hi = unit["prof"].get("pro", (50, 150))
    p = rng.randint(lo, hi)
    if unit["kind"] == "town":
        i, k = rng.randint(0, 5), rng.choice([0, 0, 0, 1])
    elif unit["kind"] == "government":
        i, k = rng.randint(25, 40), rng.randint(8, 14)
    else:
        i, k = rng.randint(1, 18), rng.choice([0, 0, 1, 1, 2, 3, 4])
    return {"proactive_items": p, "policy_interpretations": i, "press_conferences": k}


# --------------------------------------------------------------------------------------------
# Blank cells (some towns leave zero cells blank, as real units do)
# --------------------------------------------------------------------------------------------

def blank_small_applicants(tables):
    """Leave the four rare applicant columns blank where they are zero (like 沭阳县发改局 2023)."""
    for row in tables["applications"].values():
        for c in ("research", "nonprofit", "legal_services", "other_org"):
            if row[c] == 0:
                row[c] = None


def blank_zero_rows(tables):
    """Leave every all-zero outcome row blank, and the litigation rows."""
    for key, row in tables["applications"].items():
        if key not in ("received", "carried_over", "total", "carried_forward") and \
                not any(row[c] for c in APP_COLUMNS):
            for c in APP_COLUMNS:
                row[c] = None
    for key in ("litigation_direct", "litigation_after_review"):
        row = tables["review_litigation"][key]
        if not any(row.values()):
            for c in RL_COLUMNS:
                row[c] = None


def blank_zero_art20(tables):
    """Leave the zero cells of section 二 blank (the 行政许可/收费 rows the town has none of)."""
    for name, table in tables.items():
        if name.startswith("art20") and name != "art20_1":
            for row in table.values():
                for c, v in row.items():
                    if v == 0:
                        row[c] = None


BLANKS = {
    2020: {"T05": [blank_small_applicants], "T11": [blank_zero_rows],
           "T14": [blank_zero_art20, blank_small_applicants]},
    2021: {"T05": [blank_small_applicants], "T12": [blank_zero_rows],
           "T14": [blank_zero_art20, blank_zero_rows]},
}

# --------------------------------------------------------------------------------------------
# Building the data set
# --------------------------------------------------------------------------------------------

# The deliberate mistakes of 2021 (documented in README.md).
MISTYPED_UNIT = "D10"                      # 1. applications/disclosed/natural_person one too high
MISSING_UNIT = "T16"                       # 2. no report file
DUPLICATE_UNIT = "D07"                     # 3. units/D07-resubmitted.json as well as units/D07.json
DUPLICATE_FILE = "D07-resubmitted.json"
BLANK_TOTAL_UNIT = "T09"                   # 4. the whole 总计 column of applications is blank
REVIEW_UNIT = "D08"                        # 5. review_litigation/review total != sum of parts
FEE_UNIT = "D08"                           # charged 信息处理费 in 2021 (other.unpaid_fee 1)
FEE_YUAN = 300


def report(unit, version, year, tables, text, indicators):
    return {
        "govstats": 1,
        "version": version,
        "year": year,
        "unit": {"name": unit["name"], "code": unit["code"], "kind": unit["kind"],
                 "parent": GOVERNMENT},
        "scope": "own",
        "tables": tables,
        "text": text,
        "extensions": {"indicators": indicators},
    }


def order_tables(version, art20, apps, review):
    tables = {}
    for name in ART20[version]:
        tables[name] = art20[name]
    tables["applications"] = apps
    tables["review_litigation"] = review
    return tables


def move(apps, col, src, dst, n=1):
    """Reclassify n applications of one applicant column from outcome src to outcome dst."""
    n = min(n, apps[src][col])
    apps[src][col] -= n
    apps[dst][col] += n
    fill_totals_row(apps, src)
    fill_totals_row(apps, dst)


def fill_totals_row(apps, row):
    apps[row]["total"] = sum(apps[row][c] or 0 for c in APPLICANTS)


def build():
    """Return {relative path: file bytes} and the in-memory reports by year."""
    units = all_units()
    files = {}
    reports = {2020: [], 2021: []}   # (file name, report)

    for unit in units:
        code = unit["code"]
        rng20 = random.Random("{}/{}/2020".format(SEED, code))
        rng21 = random.Random("{}/{}/2021".format(SEED, code))
        state = {}

        # ---- 2020, layout 2019 -------------------------------------------------------------
        carried = draw_carried_over_2019(rng20, unit)
        no_forward = code in (MISSING_UNIT, BLANK_TOTAL_UNIT)
        apps20 = draw_applications(rng20, unit, "2019", carried, no_carry_forward=no_forward)
        art20 = draw_year(rng20, unit, "2019", state)
        review20 = draw_review(rng20, app_total(apps20, "total"))
        ind20 = draw_indicators(rng20, unit)
        text20 = draw_text(rng20, unit, 2020, apps20, ind20)
        tables20 = order_tables("2019", art20, apps20, review20)
        if code == "D26":
            cell = tables20["art20_1"]["normative_documents"]
            cell["made"] = {"value": cell["made"], "note": "其中修订 3 件",
                            "raw": "{}（其中修订 3 件）".format(cell["made"])}
        if code == "D06":
            proc = tables20["art20_9"]["procurement"]
            proc["amount"] = {"value": proc["amount"], "unit": "万元",
                              "raw": "{}万元".format(proc["amount"])}
        for fn in BLANKS[2020].get(code, []):
            fn(tables20)
        rep20 = report(unit, "2019", 2020, tables20, text20, ind20)
        reports[2020].append(("units/{}.json".format(code), rep20))

        # ---- 2021, layout 2021 -------------------------------------------------------------
        carried = {c: apps20["carried_forward"][c] or 0 for c in APPLICANTS}
        received = None
        if code == "D01":   # the figures of the example in DESIGN.md
            received = {"natural_person": 9, "commercial": 1, "research": 0, "nonprofit": 0,
                        "legal_services": 0, "other_org": 0}
        total21 = None
        if code == BLANK_TOTAL_UNIT:
            total21 = 7     # enough for the blank 总计 column to matter
        apps21 = draw_applications(rng21, unit, "2021", carried, received_total=total21,
                                   received=received)
        art21 = draw_year(rng21, unit, "2021", state)
        review21 = draw_review(rng21, app_total(apps21, "total"))
        if code == "D01":
            review21["review"] = {"upheld": 0, "corrected": 1, "other": 0, "pending": 0,
                                  "total": 1}
        if code == FEE_UNIT:
            move(apps21, "natural_person", "disclosed", "other.unpaid_fee")
        ind21 = draw_indicators(rng21, unit)
        text21 = draw_text(rng21, unit, 2021, apps21, ind21,
                           fee_yuan=FEE_YUAN if code == FEE_UNIT else None)
        tables21 = order_tables("2021", art21, apps21, review21)
        if code == "D26":
            cell = tables21["art20_1"]["normative_documents"]
            cell["repealed"] = {"value": cell["repealed"], "note": "含自然失效 4 件",
                                "raw": "{}（含自然失效 4 件）".format(cell["repealed"])}
        for fn in BLANKS[2021].get(code, []):
            fn(tables21)

        # mistakes ---------------------------------------------------------------------------
        if code == MISSING_UNIT:
            continue
        if code == MISTYPED_UNIT:
            tables21["applications"]["disclosed"]["natural_person"] += 1
        if code == BLANK_TOTAL_UNIT:
            for row in tables21["applications"].values():
                row["total"] = None
        if code == REVIEW_UNIT:
            tables21["review_litigation"]["review"] = {"upheld": 2, "corrected": 1, "other": 1,
                                                       "pending": 1, "total": 4}
        rep21 = report(unit, "2021", 2021, tables21, text21, ind21)
        reports[2021].append(("units/{}.json".format(code), rep21))

        if code == DUPLICATE_UNIT:
            # resubmitted after the office queried it: one application reclassified, more
            # proactive items counted, two more penalty decisions, a corrected overview
            rng = random.Random("{}/{}/2021/resubmitted".format(SEED, code))
            apps_b = copy.deepcopy(apps21)
            move(apps_b, "natural_person", "unavailable.not_held", "partially_disclosed")
            art_b = copy.deepcopy(art21)
            art_b["art20_6"]["penalty"]["decisions"] += 2
            ind_b = dict(ind21, proactive_items=ind21["proactive_items"] + 12)
            text_b = draw_text(rng, unit, 2021, apps_b, ind_b)
            tables_b = order_tables("2021", art_b, apps_b, copy.deepcopy(review21))
            rep_b = report(unit, "2021", 2021, tables_b, text_b, ind_b)
            reports[2021].append(("units/" + DUPLICATE_FILE, rep_b))

    for year, items in reports.items():
        for name, rep in items:
            files["{}/{}".format(year, name)] = dump(rep)
        roster = {"name": COUNTY, "year": year,
                  "units": [{"code": u["code"], "name": u["name"], "kind": u["kind"]}
                            for u in units]}
        files["{}/roster.json".format(year)] = dump(roster)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name", "kind"])
    for u in units:
        writer.writerow([u["code"], u["name"], u["kind"]])
    files["2021/roster.csv"] = out.getvalue().encode("utf-8")
    files["2020/consolidated.json"] = dump(consolidate(reports[2020], "2019", 2020))
    return files


# --------------------------------------------------------------------------------------------
# Cells, sums, serialisation
# --------------------------------------------------------------------------------------------

def value_of(cell):
    """The number of a cell (None when blank); amounts as Decimal."""
    if isinstance(cell, dict):
        cell = cell.get("value")
    if cell is None:
        return None
    if isinstance(cell, float):
        return Decimal(repr(cell))
    return cell


def consolidate(items, version, year):
    lay = layout(version)
    tables = {}
    for tname, rows in lay.items():
        tables[tname] = {}
        for rname, cols in rows.items():
            tables[tname][rname] = {}
            for c in cols:
                values = [value_of(rep["tables"].get(tname, {}).get(rname, {}).get(c))
                          for _, rep in items]
                present = [v for v in values if v is not None]
                if not present:
                    total = None
                elif c in AMOUNT_COLUMNS:
                    total = sum((Decimal(v) for v in present), Decimal(0))
                else:
                    total = sum(present)
                tables[tname][rname][c] = total
    return {
        "govstats": 1,
        "version": version,
        "year": year,
        "unit": {"name": GOVERNMENT, "code": COUNTY, "kind": "government"},
        "scope": "aggregate",
        "tables": tables,
        "sources": [{"code": rep["unit"]["code"], "name": rep["unit"]["name"], "file": name}
                    for name, rep in items],
    }


def jsonable(obj):
    if isinstance(obj, dict):
        return {k: jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [jsonable(v) for v in obj]
    if isinstance(obj, Decimal):
        if obj == obj.to_integral_value():
            return int(obj)
        f = float(obj)
        if Decimal(repr(f)) != obj:  # the printed number must be exactly the decimal
            raise ValueError("amount {} is not exact as a JSON number".format(obj))
        return f
    return obj


def dump(obj):
    text = json.dumps(jsonable(obj), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def write(files):
    for year in ("2020", "2021"):
        units_dir = os.path.join(HERE, year, "units")
        os.makedirs(units_dir, exist_ok=True)
        for name in sorted(os.listdir(units_dir)):
            rel = "{}/units/{}".format(year, name)
            if name.endswith(".json") and rel not in files:
                os.remove(os.path.join(units_dir, name))
    for rel, data in files.items():
        path = os.path.join(HERE, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


# --------------------------------------------------------------------------------------------
# --check
# --------------------------------------------------------------------------------------------

def num(cell):
    v = value_of(cell)
    return 0 if v is None else v


def check_report(rep):
    """Error findings of format/README.md for one report: [(rule, where, expected, actual)]."""
    found = []
    version = rep["version"]
    t = rep["tables"]
    apps = t["applications"]
    outcomes = OUTCOMES[version]
    for c in APP_COLUMNS:
        left = num(apps["received"][c]) + num(apps["carried_over"][c])
        right = num(apps["total"][c]) + num(apps["carried_forward"][c])
        if left != right:
            found.append(("applications.balance", c, left, right))
        s = sum(num(apps[r][c]) for r in outcomes)
        if s != num(apps["total"][c]):
            found.append(("applications.outcome_sum", c, s, num(apps["total"][c])))
    for r in APP_ROWS[version]:
        s = sum(num(apps[r][c]) for c in APPLICANTS)
        if s != num(apps[r]["total"]):
            found.append(("applications.row_total", r, s, num(apps[r]["total"])))
    for r in RL_ROWS:
        row = t["review_litigation"][r]
        s = sum(num(row[c]) for c in RL_COLUMNS[:-1])
        if s != num(row["total"]):
            found.append(("review_litigation.row_total", r, s, num(row["total"])))
    if any(num(v) for v in t["art20_1"]["regulations"].values()):
        found.append(("art20_1.regulations_level", "regulations", 0, None))
    lay = layout(version)
    for tname, rows in lay.items():
        for rname, cols in rows.items():
            for c in cols:
                v = num(t[tname][rname][c])
                if c not in SIGNED_COLUMNS and v < 0:
                    found.append(("counts.nonnegative", "{}/{}/{}".format(tname, rname, c), 0, v))
    # the file holds exactly the cells of its layout, and no group row
    if set(t) != set(lay) or any(set(t[n]) != set(lay[n]) or
                                 any(list(t[n][r]) != lay[n][r] for r in lay[n]) for n in lay):
        found.append(("layout.keys", version, None, None))
    return found


def blank_tables(rep):
    out = []
    for tname, rows in rep["tables"].items():
        if any(value_of(cell) is None for row in rows.values() for cell in row.values()):
            out.append(tname)
    return out


# What --check must find, and nothing else (errors; the blank-cell warnings are listed too).
def expected_findings(reports21):
    t09 = dict(reports21)["units/T09.json"]
    blank_total_rows = [r for r in APP_ROWS["2021"]
                        if sum(num(t09["tables"]["applications"][r][c]) for c in APPLICANTS)]
    exp = {
        ("2021/units/D10.json", "applications.row_total", "disclosed"),
        ("2021/units/D10.json", "applications.outcome_sum", "natural_person"),
        ("2021/units/D08.json", "review_litigation.row_total", "review"),
        ("2021", "rollup.missing_unit", "T16"),
        ("2021", "rollup.duplicate_unit", "D07"),
    }
    for r in blank_total_rows:
        exp.add(("2021/units/T09.json", "applications.row_total", r))
    return exp


def check(files):
    problems = []
    # 1. the files on disk are exactly what this script writes
    for rel, data in sorted(files.items()):
        path = os.path.join(HERE, rel)
        if not os.path.exists(path):
            problems.append("missing file " + rel)
        else:
            with open(path, "rb") as f:
                if f.read() != data:
                    problems.append("differs from the generator: " + rel)
    for year in ("2020", "2021"):
        for name in sorted(os.listdir(os.path.join(HERE, year, "units"))):
            if "{}/units/{}".format(year, name) not in files:
                problems.append("stray file {}/units/{}".format(year, name))

    # 2. load what is on disk and apply the rules
    def load(rel):
        with open(os.path.join(HERE, rel), encoding="utf-8") as f:
            return json.load(f, parse_float=Decimal)

    found = set()
    by_year = {}
    print("file                          ver  year  received/total  findings")
    for year in (2020, 2021):
        roster = load("{}/roster.json".format(year))
        if year == 2021:
            with open(os.path.join(HERE, "2021/roster.csv"), encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
            if rows != roster["units"]:
                problems.append("2021/roster.csv differs from 2021/roster.json")
        units_dir = os.path.join(HERE, str(year), "units")
        items = []
        for name in sorted(os.listdir(units_dir)):
            rel = "units/" + name
            rep = load("{}/{}".format(year, rel))
            items.append((rel, rep))
            if rep["year"] != year or rep["version"] != {2020: "2019", 2021: "2021"}[year]:
                problems.append("{}/{}: wrong year or version".format(year, rel))
            errs = check_report(rep)
            for rule, where, exp, act in errs:
                found.add(("{}/{}".format(year, rel), rule, where))
            blanks = blank_tables(rep)
            print("{:29s} {}  {}  {:>14}  {}{}".format(
                "{}/{}".format(year, rel), rep["version"], rep["year"],
                str(value_of(rep["tables"]["applications"]["received"]["total"])),
                "; ".join("{} {} (expected {}, actual {})".format(*e) for e in errs) or "ok",
                "  [blank cells: {}]".format(", ".join(blanks)) if blanks else ""))
        by_year[year] = items
        # roll-up rules against the roster
        codes = [rep["unit"]["code"] for _, rep in items]
        for u in roster["units"]:
            n = codes.count(u["code"])
            if n == 0:
                found.add((str(year), "rollup.missing_unit", u["code"]))
            elif n > 1:
                found.add((str(year), "rollup.duplicate_unit", u["code"]))
        roster_codes = {u["code"] for u in roster["units"]}
        for c in codes:
            if c not in roster_codes:
                found.add((str(year), "rollup.unexpected_unit", c))
        totals = sum(num(rep["tables"]["applications"]["received"][c])
                     for _, rep in items for c in APPLICANTS)
        print("{}: {} files, applications/received (sum of applicant columns) = {}".format(
            year, len(items), totals))

    # 3. cross-year carry: 2021 carried_over = 2020 carried_forward, every unit, every column
    last = {rep["unit"]["code"]: rep for _, rep in by_year[2020]}
    for rel, rep in by_year[2021]:
        prev = last[rep["unit"]["code"]]
        for c in APP_COLUMNS:
            a = num(rep["tables"]["applications"]["carried_over"][c])
            b = num(prev["tables"]["applications"]["carried_forward"][c])
            if a != b:
                problems.append("cross_year.carry {} column {}: {} != {}".format(rel, c, a, b))

    # 4. the 2020 consolidation is the exact sum of the 59 units, and balances
    cons = load("2020/consolidated.json")
    mine = json.loads(dump(consolidate(by_year[2020], "2019", 2020)), parse_float=Decimal)
    if cons != mine:
        problems.append("2020/consolidated.json is not the cell-wise sum of 2020/units")
    if len(cons["sources"]) != 59:
        problems.append("2020/consolidated.json does not list 59 sources")
    for rule, where, exp, act in check_report(cons):
        problems.append("2020/consolidated.json: {} {} ({} != {})".format(rule, where, exp, act))

    # 5. exactly the documented mistakes
    expected = expected_findings(by_year[2021])
    for f in sorted(found - expected):
        problems.append("unexpected finding: {}".format(" ".join(f)))
    for f in sorted(expected - found):
        problems.append("documented mistake not found: {}".format(" ".join(f)))
    print()
    print("findings (all documented in README.md):")
    for f in sorted(found):
        print("  " + "  ".join(f))
    if problems:
        print()
        for p in problems:
            print("PROBLEM: " + p)
        return 1
    print("check passed: files as generated, rules hold except the documented mistakes, "
          "carry holds, consolidation exact")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="verify the files on disk instead of writing them")
    args = ap.parse_args()
    files = build()
    if args.check:
        return check(files)
    write(files)
    print("wrote {} files under {}".format(len(files), HERE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
