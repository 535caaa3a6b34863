/* test-vala.vala — libgovstats from Vala, through the generated VAPI
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Run as `test-vala --tap SOURCE_ROOT`: loads the sample county of
 * examples/data and a file of tests/data/invalid, and checks the values.
 */

static string source_root;

static string data_path (string first, ...) {
    var path = source_root;
    var args = va_list ();
    for (string? part = first; part != null; part = args.arg ()) {
        path = Path.build_filename (path, part);
    }
    return path;
}

static void test_report_values () {
    Govstats.Report report;
    try {
        report = new Govstats.Report.from_file (data_path ("examples", "data", "2021", "units", "D01.json"));
    } catch (Error e) {
        error ("D01.json: %s", e.message);
    }
    assert_cmpstr (report.get_version (), CompareOperator.EQ, "2021");
    assert_cmpstr (report.unit_name, CompareOperator.EQ, "示例县教育和体育局");

    int64 received;
    assert_true (report.get_value ("applications/received/total", out received));
    assert_cmpint ((int) received, CompareOperator.EQ, 10);
    int64 commercial;
    assert_true (report.get_value ("applications/received/commercial", out commercial));
    assert_cmpint ((int) commercial, CompareOperator.EQ, 1);

    /* 10 natural persons and 1 company no longer add up to the total of
     * 10, nor does received balance the outcomes: two errors. */
    assert_cmpuint (report.check (null).length, CompareOperator.EQ, 0);
    report.set_value ("applications/received/natural_person", 10);
    var findings = report.check (null);
    string[] errors = {};
    foreach (unowned Govstats.Finding finding in findings.data) {
        if (finding.get_severity () == Govstats.Severity.ERROR) {
            errors += finding.get_rule_id ();
        }
    }
    assert_cmpstr (string.joinv (" ", errors), CompareOperator.EQ, "applications.balance applications.row_total");
}

static void test_report_findings () {
    try {
        var report = new Govstats.Report.from_file (data_path ("examples", "data", "2021", "units", "D10.json"));
        /* Keep the array in a variable: it owns the findings. */
        var findings = report.check (null);
        var ids = new GenericArray<string> ();
        foreach (unowned Govstats.Finding finding in findings.data) {
            ids.add (finding.get_rule_id ());
        }
        assert_cmpuint (ids.length, CompareOperator.EQ, 3);
        assert_cmpstr (ids[0], CompareOperator.EQ, "applications.outcome_sum");
        assert_cmpstr (ids[1], CompareOperator.EQ, "applications.row_total");
        assert_cmpstr (ids[2], CompareOperator.EQ, "hint.likely_wrong_cell");
    } catch (Error e) {
        error ("D10.json: %s", e.message);
    }
}

static void test_error_domain () {
    var path = data_path ("tests", "data", "invalid", "INVALID_TYPE--count-as-string.json");
    try {
        new Govstats.Report.from_file (path);
        assert_not_reached ();
    } catch (Govstats.Error.INVALID_TYPE e) {
        /* file:line:column: reason */
        assert_true (e.message.has_prefix (path + ":"));
    } catch (Error e) {
        error ("expected Govstats.Error.INVALID_TYPE, got %s", e.message);
    }
}

static void test_rollup () {
    try {
        var rollup = new Govstats.Rollup ();
        rollup.set_roster (new Govstats.Roster.from_file (data_path ("examples", "data", "2021", "roster.json")));
        string[] inputs = { data_path ("examples", "data", "2021", "units") };
        rollup.add_files (inputs, null);
        var county = rollup.consolidate ();
        assert_cmpstr (county.unit_name, CompareOperator.EQ, "示例县");
        int64 received;
        assert_true (county.get_value ("applications/received/total", out received));
        assert_cmpint ((int) received, CompareOperator.EQ, 637);
    } catch (Error e) {
        error ("rollup: %s", e.message);
    }
}

int main (string[] args) {
    Test.init (ref args);
    if (args.length != 2) {
        printerr ("usage: test-vala [--tap] SOURCE_ROOT\n");
        return 2;
    }
    source_root = args[1];
    Test.add_func ("/govstats/vala/report/values", test_report_values);
    Test.add_func ("/govstats/vala/report/findings", test_report_findings);
    Test.add_func ("/govstats/vala/report/error-domain", test_error_domain);
    Test.add_func ("/govstats/vala/rollup/sample-county", test_rollup);
    return Test.run ();
}
