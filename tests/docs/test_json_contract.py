# test_json_contract.py — the JSON that `govstats check|rollup|explain|import
# --json` prints is the contract of docs/json-output.md: every output is
# validated against its schema in docs/json/, and its values are checked
# against the inputs (the sample county of examples/data, the broken files
# of tests/data/invalid, the import fixtures of tests/data/import).
#
# Needs GOVSTATS_SOURCE_ROOT, and GOVSTATS_TOOL (the govstats program) or
# GOVSTATS_BUILD_ROOT.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import collections
import glob
import hashlib
import json
import os
import subprocess
from decimal import Decimal

import jsonschema
import pytest

SOURCE_ROOT = os.environ["GOVSTATS_SOURCE_ROOT"]
TOOL = os.environ.get("GOVSTATS_TOOL") or os.path.join(os.environ["GOVSTATS_BUILD_ROOT"], "tools", "govstats")
SCHEMAS = os.path.join(SOURCE_ROOT, "docs", "json")
EXAMPLES = os.path.join(SOURCE_ROOT, "examples", "data")
TEST_DATA = os.path.join(SOURCE_ROOT, "tests", "data")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def load_schemas():
    store = {}
    for path in glob.glob(os.path.join(SCHEMAS, "*.schema.json")):
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        store[schema["$id"]] = schema
    return store


STORE = load_schemas()


def validate(data, name):
    schema = STORE[name]
    resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=STORE)
    jsonschema.Draft202012Validator(schema, resolver=resolver,
                                    format_checker=jsonschema.FormatChecker()).validate(data)


def govstats(command, *args, cwd=EXAMPLES):
    env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")
    proc = subprocess.run([TOOL, command, "--json", "--lang", "en", *args],
                          capture_output=True, cwd=cwd, env=env, timeout=300)
    data = json.loads(proc.stdout.decode("utf-8"))
    return proc.returncode, data


def all_findings(data):
    found = list(data["findings"])
    for report in data["reports"]:
        found.extend(report["findings"])
    return found


def recount(findings):
    """The summary as docs/json-output.md defines it."""
    counts = collections.Counter(errors=0, warnings=0, infos=0, uncertain=0, waived=0)
    for f in findings:
        if "waiver" in f:
            counts["waived"] += 1
        elif f["outcome"] == "uncertain":
            counts["uncertain"] += 1
        else:
            counts[{"error": "errors", "warning": "warnings", "info": "infos"}[f["severity"]]] += 1
    return dict(counts)


def counts_as_error(f):
    return f["severity"] == "error" and f["outcome"] == "failed" and "waiver" not in f


def assert_summary(status, data):
    found = all_findings(data)
    assert data["summary"] == recount(found)
    assert status == (EXIT_FINDINGS if any(map(counts_as_error, found)) else EXIT_OK)


def by_rule(findings):
    result = collections.defaultdict(list)
    for f in findings:
        result[f["rule"]].append(f)
    return result


# check

def test_check_2021_sample():
    status, data = govstats("check", "2021/units")
    validate(data, "check-1.schema.json")
    assert data["format"] == "govstats-check/1"
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(EXAMPLES, "2021", "units", "*.json")))
    assert [os.path.basename(r["file"]) for r in data["reports"]] == files
    assert len(files) == 59          # 58 units and D07-resubmitted.json
    for r in data["reports"]:
        # D07-resubmitted.json is D07's too.
        assert os.path.basename(r["file"]).split(".")[0].split("-")[0] == r["unit"]["code"]
        assert (r["version"], r["year"]) == ("2021", 2021)
        for f in r["findings"]:
            assert f["file"] == r["file"]
            assert f["unit"]["code"] == r["unit"]["code"]
    assert_summary(status, data)
    assert status == EXIT_FINDINGS

    d10 = next(r for r in data["reports"] if r["unit"]["code"] == "D10")
    rules = by_rule(d10["findings"])
    row = rules["applications.row_total"][0]
    assert (row["expected"], row["actual"]) == (32, 31)
    assert "applications/disclosed/total" in row["cells"]
    column = rules["applications.outcome_sum"][0]
    assert (column["expected"], column["actual"]) == (66, 65)
    hint = rules["hint.likely_wrong_cell"][0]
    assert (hint["severity"], hint["outcome"]) == ("info", "note")
    assert hint["cells"] == ["applications/disclosed/natural_person"]
    assert (hint["expected"], hint["actual"]) == (26, 27)


def test_check_2020_sample_is_clean():
    status, data = govstats("check", "2020/units")
    validate(data, "check-1.schema.json")
    assert len(data["reports"]) == 59
    assert data["summary"]["errors"] == 0
    assert_summary(status, data)
    assert status == EXIT_OK


def test_check_waiver():
    status, data = govstats("check", "--waivers", os.path.join(TEST_DATA, "rules", "waivers-d08.json"),
                            "2021/units/D08.json")
    validate(data, "check-1.schema.json")
    (waived,) = [f for f in all_findings(data) if "waiver" in f]
    assert waived["rule"] == "review_litigation.row_total"
    assert waived["waiver"]["by"] == "示例县政务公开办"
    assert data["summary"]["waived"] == 1
    assert_summary(status, data)
    assert status == EXIT_OK


def test_check_broken_files():
    broken = sorted(glob.glob(os.path.join(TEST_DATA, "invalid", "*.json")))
    assert len(broken) > 20
    status, data = govstats("check", *broken, "2021/units/D01.json")
    validate(data, "check-1.schema.json")
    assert [r["file"] for r in data["reports"]] == broken + ["2021/units/D01.json"]
    for r in data["reports"][:-1]:
        assert "unit" not in r and "version" not in r
        (f,) = r["findings"]
        assert (f["rule"], f["severity"], f["outcome"], f["file"], f["cells"]) == \
            ("input.invalid", "error", "failed", r["file"], [])
        assert f["message"].startswith(r["file"])
    assert data["reports"][-1]["unit"]["code"] == "D01"
    assert data["summary"]["errors"] == len(broken)
    assert_summary(status, data)
    # Where the reader knows the place, the finding carries it.
    assert any("line" in f and f["line"] >= 1 for f in all_findings(data))


# A year that is unknown is null, never 0.

def test_check_without_a_year(tmp_path):
    source = tmp_path / "m.json"
    source.write_text('{"govstats":1,"version":"2021"}\n', encoding="utf-8")
    status, data = govstats("check", str(source))
    validate(data, "check-1.schema.json")
    (report,) = data["reports"]
    assert report["file"] == str(source)
    assert (report["version"], report["year"]) == ("2021", None)
    assert report["unit"] == {"name": None, "code": None}
    assert_summary(status, data)
    assert status == EXIT_OK


def test_check_year_zero_fails_the_schema():
    status, data = govstats("check", "2021/units/D01.json")
    assert data["reports"][0]["year"] == 2021
    data["reports"][0]["year"] = None
    validate(data, "check-1.schema.json")
    data["reports"][0]["year"] = 0
    with pytest.raises(jsonschema.ValidationError):
        validate(data, "check-1.schema.json")


# rollup and explain

@pytest.fixture(scope="module")
def rollup_2021(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("rollup") / "county.json")
    status, data = govstats("rollup", "--roster", "2021/roster.json", "-o", out, "2021/units")
    with open(out, encoding="utf-8") as f:
        written = json.load(f)
    return status, data, out, written


def test_rollup_2021_sample(rollup_2021):
    status, data, out, written = rollup_2021
    validate(data, "rollup-1.schema.json")
    assert data["format"] == "govstats-rollup/1"
    assert_summary(status, data)
    assert status == EXIT_FINDINGS

    top = by_rule(data["findings"])
    (missing,) = top["rollup.missing_unit"]
    assert missing["unit"] == {"name": "示例县南岭乡", "code": "T16"}
    assert missing["units"] == ["T16"]
    (duplicate,) = top["rollup.duplicate_unit"]
    assert duplicate["unit"]["code"] == "D07"
    assert {f["unit"]["code"] for f in top["rollup.unit_inconsistent"]} >= {"D08", "D10"}
    # Unit findings are grouped under the file they were found in.
    for r in data["reports"]:
        for f in r["findings"]:
            assert f["file"] == r["file"] and f["unit"]["code"] == r["unit"]["code"]
    assert "2021/units/D10.json" in [r["file"] for r in data["reports"]]

    result = data["result"]
    assert result["file"] == out
    assert (result["units"], result["version"], result["year"]) == (58, "2021", 2021)
    assert written["scope"] == "aggregate"
    assert len(written["sources"]) == result["units"]
    for key, parts in result["indicators"].items():
        assert parts["total"] == sum(parts[k] for k in ("government", "department", "town", "other")), key


def test_rollup_2020_sample_is_clean(tmp_path):
    out = str(tmp_path / "county.json")
    status, data = govstats("rollup", "--roster", "2020/roster.json", "-o", out, "2020/units")
    validate(data, "rollup-1.schema.json")
    assert data["summary"]["errors"] == 0
    assert_summary(status, data)
    assert status == EXIT_OK
    assert data["result"]["units"] == 59
    # The sample's consolidation of 2020 is the exact cell-wise sum.
    with open(out, encoding="utf-8") as f:
        written = json.load(f)
    with open(os.path.join(EXAMPLES, "2020", "consolidated.json"), encoding="utf-8") as f:
        expected = json.load(f)
    assert written["tables"]["applications"]["received"] == expected["tables"]["applications"]["received"]


def test_rollup_with_a_broken_file(tmp_path):
    broken = os.path.join(TEST_DATA, "invalid", "PARSE--block-comment.json")
    out = str(tmp_path / "county.json")
    status, data = govstats("rollup", "--roster", "2020/roster.json", "-o", out, "2020/units", broken)
    validate(data, "rollup-1.schema.json")
    (invalid,) = by_rule(data["findings"])["input.invalid"]
    assert (invalid["file"], invalid["severity"], invalid["outcome"]) == (broken, "error", "failed")
    assert invalid["line"] >= 1 and invalid["column"] >= 1     # a syntax error has a place
    # The run goes on with the other files: the 59 units are all there.
    assert data["result"]["units"] == 59
    assert "rollup.missing_unit" not in by_rule(data["findings"])
    assert_summary(status, data)
    assert status == EXIT_FINDINGS


@pytest.mark.parametrize("name", ["ENCODING--gb18030.json", "ENCODING--invalid-utf8.json"])
def test_rollup_of_unreadable_files_only(tmp_path, name):
    units = tmp_path / "units"
    units.mkdir()
    broken = os.path.join(TEST_DATA, "invalid", name)
    with open(broken, "rb") as f:
        (units / name).write_bytes(f.read())
    out = str(tmp_path / "county.json")
    status, data = govstats("rollup", "-o", out, str(units))
    validate(data, "rollup-1.schema.json")
    # No unit could be read: nothing is written, and the run is a usage error.
    assert data["format"] == "govstats-rollup/1"
    assert data["result"] == {"file": None, "units": 0}
    (invalid,) = by_rule(data["findings"])["input.invalid"]
    assert invalid["file"] == str(units / name)
    assert not os.path.exists(out)
    assert data["summary"]["errors"] == 1
    assert status == EXIT_USAGE


def test_rollup_of_a_unit_without_a_year(tmp_path):
    with open(os.path.join(EXAMPLES, "2021", "units", "D01.json"), encoding="utf-8") as f:
        unit = json.load(f)
    assert unit.pop("year") == 2021
    for folder, content in (("with", dict(unit, year=2021)), ("without", unit)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "D01.json").write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    status, with_year = govstats("rollup", "-o", str(tmp_path / "with.json"), str(tmp_path / "with"))
    validate(with_year, "rollup-1.schema.json")
    status, data = govstats("rollup", "-o", str(tmp_path / "without.json"), str(tmp_path / "without"))
    validate(data, "rollup-1.schema.json")
    assert (with_year["result"]["year"], data["result"]["year"]) == (2021, None)
    assert (data["result"]["units"], data["result"]["version"]) == (1, "2021")
    # The year aside, the consolidation is the same.
    assert data["result"]["indicators"] == with_year["result"]["indicators"]
    assert data["result"]["indicators"]["proactive_items"]["department"] == \
        data["result"]["indicators"]["proactive_items"]["total"] > 0
    assert_summary(status, data)


def cell_value(report, path):
    table, row, column = path.split("/")
    value = report["tables"][table][row][column]
    return value["value"] if isinstance(value, dict) else value


@pytest.mark.parametrize("cell", ["applications/received/total", "art20_8/fees/amount"])
def test_explain(rollup_2021, cell):
    _, _, _, written = rollup_2021
    status, data = govstats("explain", "--roster", "2021/roster.json", cell, "2021/units")
    validate(data, "explain-1.schema.json")
    assert data["format"] == "govstats-explain/1"
    assert data["cell"] == cell
    contributions = data["contributions"]
    assert len(contributions) == 58
    assert "T16" not in [c["code"] for c in contributions]
    total = sum(Decimal(str(c["value"])) for c in contributions if c["value"] is not None)
    assert Decimal(data["total"]) == total
    assert Decimal(str(cell_value(written, cell))) == total
    for c in contributions:
        with open(os.path.join(EXAMPLES, c["file"]), encoding="utf-8") as f:
            unit = json.load(f)
        assert unit["unit"]["code"] == c["code"] and unit["unit"]["kind"] == c["kind"]
        if cell.endswith("amount"):
            assert c["value"] is None or isinstance(c["value"], str)
    assert status == EXIT_FINDINGS      # the 2021 consolidation has error findings


# import

IMPORT_FIXTURES = sorted(os.path.basename(p)[:-len(".expected.json")]
                         for p in glob.glob(os.path.join(TEST_DATA, "import", "*.expected.json")))


@pytest.mark.parametrize("name", IMPORT_FIXTURES)
def test_import_fixture(tmp_path, name):
    source = os.path.join(TEST_DATA, "import", name)
    with open(source + ".expected.json", encoding="utf-8") as f:
        expected = json.load(f)
    out = str(tmp_path / "imported.json")
    status, data = govstats("import", "-o", out, source)
    validate(data, "import-1.schema.json")
    assert data["format"] == "govstats-import/1"
    (report,) = data["reports"]
    assert report["file"] == source
    assert report["unit"]["name"] == expected["unit"]
    assert (report["version"], report["year"]) == (expected["version"], expected["year"])
    with open(source, "rb") as f:
        assert report["source"]["sha256"] == hashlib.sha256(f.read()).hexdigest()
    assert report["source"]["file"] == name
    with open(out, encoding="utf-8") as f:
        assert json.load(f)["source"] == report["source"]
    rules = {f["rule"] for f in report["findings"]}
    assert set(expected["findings"]) <= rules
    assert not set(expected["absent_findings"]) & rules
    assert data["findings"] == []
    assert_summary(status, data)


def test_import_without_a_year(tmp_path):
    name = "synthetic-2019.plain.txt"
    with open(os.path.join(TEST_DATA, "import", name), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(TEST_DATA, "import", name + ".expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    # The year of the title and of the statistics period taken out.
    title = f"{expected['year']} 年政府信息公开工作年度报告"
    period = f"报告所列统计期限自 {expected['year']} 年 1 月 1 日至 {expected['year']} 年 12 月 31 日。"
    assert title in text and period in text
    source = tmp_path / "no-year.txt"
    source.write_text(text.replace(title, "政府信息公开工作年度报告").replace(period, ""), encoding="utf-8")
    out = str(tmp_path / "imported.json")
    status, data = govstats("import", "-o", out, str(source))
    validate(data, "import-1.schema.json")
    (report,) = data["reports"]
    assert report["unit"]["name"] == expected["unit"]
    assert (report["version"], report["year"]) == (expected["version"], None)
    assert "import.missing_metadata" in {f["rule"] for f in report["findings"]}
    with open(out, encoding="utf-8") as f:
        assert "year" not in json.load(f)
    assert_summary(status, data)


def test_import_nothing_readable(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text("会议纪要\n本年度无事项。\n", encoding="utf-8")
    status, data = govstats("import", str(source))
    validate(data, "import-1.schema.json")
    (report,) = data["reports"]
    assert "unit" not in report and "source" not in report
    (f,) = report["findings"]
    assert (f["rule"], f["severity"], f["file"]) == ("input.invalid", "error", str(source))
    assert data["summary"]["errors"] == 1
    assert status == EXIT_USAGE


# The schemas themselves

def test_every_command_has_a_schema():
    assert sorted(STORE) == sorted(["common-1.schema.json", "check-1.schema.json", "rollup-1.schema.json",
                                    "explain-1.schema.json", "import-1.schema.json"])
    for name, schema in STORE.items():
        if name != "common-1.schema.json":
            command = name.split("-")[0]
            assert schema["properties"]["format"]["const"] == f"govstats-{command}/1"


def test_schema_rejects_a_wrong_summary():
    status, data = govstats("check", "2021/units/D10.json")
    validate(data, "check-1.schema.json")
    data["summary"]["errors"] = "3"
    with pytest.raises(jsonschema.ValidationError):
        validate(data, "check-1.schema.json")
    del data["summary"]
    data["format"] = "govstats-check/2"
    with pytest.raises(jsonschema.ValidationError):
        validate(data, "check-1.schema.json")
