/* cmd-rollup.c — govstats rollup, govstats explain
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "govstats-tool.h"

typedef struct {
  char     *roster;
  char    **previous;
  char     *name;
  char    **rules;
  char     *waivers;
  char     *lang;
  gboolean  json;
} RollupOptions;

static void rollup_options_clear (RollupOptions *o);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RollupOptions, rollup_options_clear)

static void
rollup_options_clear (RollupOptions *o)
{
  g_free (o->roster);
  g_strfreev (o->previous);
  g_free (o->name);
  g_strfreev (o->rules);
  g_free (o->waivers);
  g_free (o->lang);
}

static void
on_progress (GovstatsRollup *rollup,
             guint           done,
             guint           total,
             gpointer        data)
{
  const char *lang = data;

  if (total == 0)
    return;
  fputc ('\r', stderr);
  /* Translators: progress of a consolidation: %1$u files read of %2$u. */
  fprintf (stderr, tool_text (lang, N_("read %1$u of %2$u files")), done, total);
  if (done == total)
    fputc ('\n', stderr);
  fflush (stderr);
}

/* Builds and runs the consolidation; FALSE with a message on a usage error. */
static GovstatsRollup *
run_rollup (RollupOptions  *o,
            char          **inputs,
            GovstatsReport **result)
{
  g_autoptr(GovstatsRollup) rollup = govstats_rollup_new ();
  g_autoptr(GHashTable) rule_sets = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GError) error = NULL;

  if (o->roster)
    {
      g_autoptr(GovstatsRoster) roster = govstats_roster_new_from_file (o->roster, &error);
      if (roster == NULL)
        {
          tool_error ("%s", error->message);
          return NULL;
        }
      govstats_rollup_set_roster (rollup, roster);
    }
  if (o->previous)
    {
      g_autoptr(GPtrArray) previous = g_ptr_array_new_with_free_func (g_object_unref);
      if (!tool_load_previous (o->previous, previous, &error))
        {
          tool_error ("%s", error->message);
          return NULL;
        }
      if (previous->len != 1)
        {
          tool_error ("%s", _("--previous takes last year's consolidated report, one file"));
          return NULL;
        }
      govstats_rollup_set_previous (rollup, previous->pdata[0]);
    }
  if (o->name)
    govstats_rollup_set_name (rollup, o->name);
  if (o->rules || o->waivers)
    for (const char * const *v = govstats_schema_list_versions (); *v; v++)
      {
        GovstatsRuleSet *rules = tool_rule_set_for (rule_sets, govstats_schema_get_for_version (*v),
                                                    o->rules, o->waivers, &error);
        if (rules == NULL)
          {
            tool_error ("%s", error->message);
            return NULL;
          }
        govstats_rollup_set_rule_set (rollup, rules);
      }
  /* A progress line for people at a terminal, not for pipes and logs. */
  if (isatty (STDERR_FILENO) && !o->json)
    g_signal_connect (rollup, "progress", G_CALLBACK (on_progress), o->lang);
  if (!govstats_rollup_add_files (rollup, (const char * const *) inputs, NULL, &error))
    {
      tool_error ("%s", error->message);
      return NULL;
    }
  *result = govstats_rollup_consolidate (rollup);
  return g_steal_pointer (&rollup);
}

static gboolean
is_unit_finding (GovstatsFinding *f,
                 GovstatsReport  *result)
{
  const char *rule = govstats_finding_get_rule_id (f);

  if (g_str_has_prefix (rule, "rollup.") || g_str_equal (rule, "input.invalid"))
    return FALSE;
  /* The consolidated report's own findings carry its name and no code. */
  return !(govstats_finding_get_unit_code (f) == NULL &&
           g_strcmp0 (govstats_finding_get_unit_name (f), govstats_report_get_unit_name (result)) == 0);
}

/* Splits a rollup's findings into those of the consolidation (the rollup's
 * own and the consolidated report's, in @others) and each unit's, grouped
 * by file in the order first seen (@unit_keys, @by_unit). */
static void
group_findings (GPtrArray      *findings,
                GovstatsReport *result,
                GPtrArray      *others,
                GPtrArray      *unit_keys,
                GHashTable     *by_unit)
{
  for (guint i = 0; i < findings->len; i++)
    {
      GovstatsFinding *f = findings->pdata[i];
      const char *key;
      GPtrArray *list;

      if (!is_unit_finding (f, result))
        {
          g_ptr_array_add (others, f);
          continue;
        }
      key = govstats_finding_get_file (f) ? govstats_finding_get_file (f) : govstats_finding_get_unit_name (f);
      if (key == NULL)
        key = "?";
      list = g_hash_table_lookup (by_unit, key);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_unit, (gpointer) key, list);
          g_ptr_array_add (unit_keys, (gpointer) key);
        }
      g_ptr_array_add (list, f);
    }
}

static void
print_rollup_text (GovstatsRollup *rollup,
                   GovstatsReport *result,
                   const char     *out,
                   const char     *lang)
{
  GPtrArray *findings = govstats_rollup_get_findings (rollup);
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  g_autoptr(GPtrArray) consolidated = g_ptr_array_new ();
  g_autoptr(GPtrArray) unit_keys = g_ptr_array_new ();
  g_autoptr(GHashTable) by_unit = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  ToolSummary summary = { 0 };

  group_findings (findings, result, others, unit_keys, by_unit);
  /* For people: the rollup's own findings first, then the consolidated report's. */
  for (guint i = 0; i < others->len; i++)
    {
      GovstatsFinding *f = others->pdata[i];
      const char *rule = govstats_finding_get_rule_id (f);

      if (g_str_has_prefix (rule, "rollup.") || g_str_equal (rule, "input.invalid"))
        g_ptr_array_add (top, f);
      else
        g_ptr_array_add (consolidated, f);
    }
  tool_count_findings (findings, &summary);

  /* Translators: %1$u units consolidated into %2$s (the consolidated unit's
   * name), of year %3$d, in layout %4$s, written to the file %5$s. */
  tool_print (govstats_i18n_ngettext (lang, "Consolidated %1$u unit of %2$s, %3$d, %4$s layout; written to %5$s\n\n",
                                      "Consolidated %1$u units of %2$s, %3$d, %4$s layout; written to %5$s\n\n",
                                      govstats_rollup_get_n_units (rollup)),
              govstats_rollup_get_n_units (rollup),
              govstats_report_get_unit_name (result) ? govstats_report_get_unit_name (result)
                                                     : tool_text (lang, N_("(unnamed)")),
              govstats_report_get_year (result), govstats_report_get_version (result), out);
  if (top->len)
    {
      tool_print ("%s\n", tool_text (lang, N_("Consolidation:")));
      tool_print_findings_text (stdout, top, lang);
      tool_print ("\n");
    }
  if (consolidated->len)
    {
      tool_print ("%s\n", tool_text (lang, N_("Consolidated report:")));
      tool_print_findings_text (stdout, consolidated, lang);
      tool_print ("\n");
    }
  for (guint i = 0; i < unit_keys->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (by_unit, unit_keys->pdata[i]);
      GovstatsFinding *first = list->pdata[0];
      tool_print ("%s (%s) — %s\n", govstats_finding_get_unit_name (first) ? govstats_finding_get_unit_name (first) : "?",
                  govstats_finding_get_unit_code (first) ? govstats_finding_get_unit_code (first) : "?",
                  (char *) unit_keys->pdata[i]);
      tool_print_findings_text (stdout, list, lang);
      tool_print ("\n");
    }
  {
    g_auto(GStrv) keys = govstats_rollup_dup_indicator_keys (rollup);
    const char *path = "applications/received/total";
    g_autofree char *breakdown = govstats_rollup_dup_breakdown_text (rollup, path, lang);

    if (breakdown && *breakdown)
      /* Translators: %1$s is a cell's path, %2$s its parts by kind of unit. */
      tool_print (tool_text (lang, N_("%1$s by kind of unit: %2$s\n")), path, breakdown);
    for (guint i = 0; keys[i]; i++)
      {
        g_autofree char *text = govstats_rollup_dup_indicator_breakdown_text (rollup, keys[i], lang);
        gint64 total;
        govstats_rollup_get_indicator (rollup, keys[i], &total);
        g_autofree char *total_text = g_strdup_printf ("%" G_GINT64_FORMAT, total);
        /* Translators: %1$s is an indicator's key, %2$s its total, %3$s its parts by kind of unit. */
        tool_print (tool_text (lang, N_("indicator %1$s = %2$s: %3$s\n")), keys[i], total_text, text);
      }
  }
  tool_print_summary_text (&summary, lang);
}

static void
print_rollup_json (GovstatsRollup *rollup,
                   GovstatsReport *result,
                   const char     *out,
                   const char     *lang)
{
  GPtrArray *findings = govstats_rollup_get_findings (rollup);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  g_autoptr(GPtrArray) unit_keys = g_ptr_array_new ();
  g_autoptr(GHashTable) by_unit = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_auto(GStrv) keys = govstats_rollup_dup_indicator_keys (rollup);
  ToolSummary summary = { 0 };

  group_findings (findings, result, top, unit_keys, by_unit);
  tool_count_findings (findings, &summary);

  tool_begin_json (b, "govstats-rollup/1");
  json_builder_set_member_name (b, "reports");
  json_builder_begin_array (b);
  for (guint i = 0; i < unit_keys->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (by_unit, unit_keys->pdata[i]);
      GovstatsFinding *first = list->pdata[0];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, unit_keys->pdata[i]);
      json_builder_set_member_name (b, "unit");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, govstats_finding_get_unit_name (first) ? govstats_finding_get_unit_name (first) : "");
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, govstats_finding_get_unit_code (first) ? govstats_finding_get_unit_code (first) : "");
      json_builder_end_object (b);
      json_builder_set_member_name (b, "findings");
      tool_add_findings_json (b, list, lang);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "findings");
  tool_add_findings_json (b, top, lang);
  json_builder_set_member_name (b, "result");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, out);
  json_builder_set_member_name (b, "units");
  json_builder_add_int_value (b, govstats_rollup_get_n_units (rollup));
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, govstats_report_get_version (result));
  json_builder_set_member_name (b, "year");
  if (govstats_report_get_year (result) > 0)
    json_builder_add_int_value (b, govstats_report_get_year (result));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "indicators");
  json_builder_begin_object (b);
  for (guint i = 0; keys[i]; i++)
    {
      static const char * const kinds[] = { "government", "department", "town", "other" };
      gint64 v;

      json_builder_set_member_name (b, keys[i]);
      json_builder_begin_object (b);
      govstats_rollup_get_indicator (rollup, keys[i], &v);
      json_builder_set_member_name (b, "total");
      json_builder_add_int_value (b, v);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          govstats_rollup_get_indicator_kind_value (rollup, keys[i], k, &v);
          json_builder_set_member_name (b, kinds[k]);
          json_builder_add_int_value (b, v);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  tool_finish_json (b, &summary);
}

/* A rollup of no units: only the rollup's own findings (the unreadable
 * files, the missing units) matter, not those of the empty consolidation. */
static void
print_nothing_consolidated (GovstatsRollup *rollup,
                            gboolean        json,
                            const char     *lang)
{
  GPtrArray *findings = govstats_rollup_get_findings (rollup);
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  ToolSummary summary = { 0 };

  for (guint i = 0; i < findings->len; i++)
    {
      const char *rule = govstats_finding_get_rule_id (findings->pdata[i]);
      if (g_str_has_prefix (rule, "rollup.") || g_str_equal (rule, "input.invalid"))
        g_ptr_array_add (own, findings->pdata[i]);
    }
  tool_count_findings (own, &summary);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      tool_begin_json (b, "govstats-rollup/1");
      json_builder_set_member_name (b, "reports");
      json_builder_begin_array (b);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "findings");
      tool_add_findings_json (b, own, lang);
      json_builder_set_member_name (b, "result");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_null_value (b);
      json_builder_set_member_name (b, "units");
      json_builder_add_int_value (b, 0);
      json_builder_end_object (b);
      tool_finish_json (b, &summary);
    }
  else
    tool_print_findings_text (stderr, own, lang);
}

int
cmd_rollup (int    argc,
            char **argv)
{
  g_auto(RollupOptions) o = { 0 };
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "roster", 0, 0, G_OPTION_ARG_FILENAME, &o.roster, N_("The units expected (JSON or CSV)"), "ROSTER" },
    { "previous", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.previous, N_("Last year's consolidated report"), "LAST.json" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("Name of the consolidated unit (default: the roster's name)"), "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Where to write the consolidated report (written atomically)"), "OUT.json" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.rules, N_("An extra rule file"), "EXTRA.json" },
    { "waivers", 0, 0, G_OPTION_ARG_FILENAME, &o.waivers, N_("A file of accepted exceptions"), "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("Print JSON for programs"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, N_("Language of the messages: zh or en"), "LANG" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    tool_option_context_new ("INPUT…",
                             N_("Consolidate unit reports into one report (scope aggregate).\n"
                                "INPUT is a report file or a folder of *.json files.\n"
                                "Exit status: 0 no error findings, 1 error findings, 2 usage error."),
                             entries);
  g_autoptr(GovstatsRollup) rollup = NULL;
  g_autoptr(GovstatsReport) result = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!tool_parse_options (context, &argc, &argv, &status))
    return status;
  if (!tool_check_lang (o.lang))
    return EXIT_USAGE;
  if (o.lang == NULL)
    o.lang = g_strdup (tool_default_lang ());
  if (out == NULL)
    {
      tool_error ("%s", _("rollup needs -o OUT.json"));
      return EXIT_USAGE;
    }
  if (argc < 2)
    {
      tool_error ("%s", _("rollup needs at least one INPUT"));
      return EXIT_USAGE;
    }
  if (!tool_check_folders (argv + 1, &error))
    {
      tool_error ("%s", error->message);
      return EXIT_USAGE;
    }
  rollup = run_rollup (&o, argv + 1, &result);
  if (rollup == NULL)
    return EXIT_USAGE;
  if (govstats_rollup_get_n_units (rollup) == 0)
    {
      /* Nothing to consolidate (every input unreadable): say why, and leave
       * OUT as it was rather than write an empty consolidation over it. */
      print_nothing_consolidated (rollup, o.json, o.lang);
      /* Translators: %s is the output file named with -o. */
      tool_error (_("no unit could be consolidated: %s not written"), out);
      return EXIT_USAGE;
    }
  if (!govstats_report_save_to_file (result, out, &error))
    {
      tool_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (o.json)
    print_rollup_json (rollup, result, out, o.lang);
  else
    print_rollup_text (rollup, result, out, o.lang);
  {
    GPtrArray *findings = govstats_rollup_get_findings (rollup);
    for (guint i = 0; i < findings->len; i++)
      if (govstats_finding_counts_as_error (findings->pdata[i]))
        return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/* A contribution's value as the consolidated report would print it. */
static char *
contribution_text (GovstatsReport       *result,
                   const char           *cell,
                   GovstatsContribution *c)
{
  g_autoptr(GovstatsReport) tmp = govstats_report_new (govstats_report_get_schema (result));

  govstats_report_set_value (tmp, cell, c->value);
  return govstats_report_dup_value_text (tmp, cell, NULL);
}

/* The document govstats-explain/1. */
static void
explain_print_json (GovstatsReport *result,
                    const char     *cell,
                    const char     *total_text,
                    GPtrArray      *contributions)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  static const char * const kinds[] = { "government", "department", "town", "other" };
  GovstatsValueKind kind = govstats_schema_get_cell_kind (govstats_report_get_schema (result), cell);

  tool_begin_json (b, "govstats-explain/1");
  json_builder_set_member_name (b, "cell");
  json_builder_add_string_value (b, cell);
  json_builder_set_member_name (b, "total");
  if (total_text)
    json_builder_add_string_value (b, total_text);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "contributions");
  json_builder_begin_array (b);
  for (guint i = 0; i < contributions->len; i++)
    {
      GovstatsContribution *c = contributions->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, c->unit_code ? c->unit_code : "");
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, c->unit_name ? c->unit_name : "");
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, kinds[c->unit_kind]);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, c->file ? c->file : "");
      json_builder_set_member_name (b, "value");
      if (!c->is_set)
        json_builder_add_null_value (b);
      else if (kind == GOVSTATS_VALUE_KIND_AMOUNT)
        {
          g_autofree char *v = contribution_text (result, cell, c);
          json_builder_add_string_value (b, v);
        }
      else
        json_builder_add_int_value (b, c->value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  tool_print_json (b);
}

/* The consolidated value, a line per unit, and the parts by kind of unit. */
static void
explain_print_text (GovstatsRollup *rollup,
                    GovstatsReport *result,
                    const char     *cell,
                    const char     *total_text,
                    GPtrArray      *contributions,
                    const char     *lang)
{
  g_autofree char *breakdown = govstats_rollup_dup_breakdown_text (rollup, cell, lang);
  guint blank = 0;

  /* Translators: %1$s is a cell's path, %2$s its consolidated value. */
  tool_print (tool_text (lang, N_("%1$s — consolidated value %2$s\n")), cell,
              total_text ? total_text : tool_text (lang, N_("blank")));
  for (guint i = 0; i < contributions->len; i++)
    {
      GovstatsContribution *c = contributions->pdata[i];
      g_autofree char *value = NULL;

      if (c->is_set)
        value = contribution_text (result, cell, c);
      else
        blank++;
      tool_print ("  %-6s %-24s %12s  %s\n", c->unit_code ? c->unit_code : "", c->unit_name ? c->unit_name : "",
                  value ? value : tool_text (lang, N_("(blank)")), c->file ? c->file : "");
    }
  /* Translators: %1$u units, %2$u of which left the cell blank; %3$s its parts by kind of unit. */
  tool_print (govstats_i18n_ngettext (lang, "%1$u unit, %2$u left it blank. By kind of unit: %3$s\n",
                                      "%1$u units, %2$u left it blank. By kind of unit: %3$s\n", contributions->len),
              contributions->len, blank, breakdown);
}

int
cmd_explain (int    argc,
             char **argv)
{
  g_auto(RollupOptions) o = { 0 };
  GOptionEntry entries[] = {
    { "roster", 0, 0, G_OPTION_ARG_FILENAME, &o.roster, N_("The units expected (JSON or CSV)"), "ROSTER" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("Print JSON for programs"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, N_("Language: zh or en"), "LANG" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    tool_option_context_new ("CELL INPUT…",
                             N_("Show what each unit contributed to one consolidated cell (TABLE/ROW/COLUMN).\n"
                                "Exit status: 0 no error findings, 1 error findings, 2 usage error."),
                             entries);
  g_autoptr(GovstatsRollup) rollup = NULL;
  g_autoptr(GovstatsReport) result = NULL;
  g_autoptr(GPtrArray) contributions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *total_text = NULL;
  const char *cell;
  int status;

  if (!tool_parse_options (context, &argc, &argv, &status))
    return status;
  if (!tool_check_lang (o.lang))
    return EXIT_USAGE;
  if (o.lang == NULL)
    o.lang = g_strdup (tool_default_lang ());
  if (argc < 3)
    {
      tool_error ("%s", _("explain needs a CELL and at least one INPUT"));
      return EXIT_USAGE;
    }
  cell = argv[1];
  if (!tool_check_folders (argv + 2, &error))
    {
      tool_error ("%s", error->message);
      return EXIT_USAGE;
    }
  rollup = run_rollup (&o, argv + 2, &result);
  if (rollup == NULL)
    return EXIT_USAGE;
  contributions = govstats_rollup_get_contributions (rollup, cell, &error);
  if (contributions == NULL)
    {
      tool_error ("%s", error->message);
      return EXIT_USAGE;
    }
  total_text = govstats_report_dup_value_text (result, cell, NULL);

  if (o.json)
    explain_print_json (result, cell, total_text, contributions);
  else
    explain_print_text (rollup, result, cell, total_text, contributions, o.lang);
  {
    GPtrArray *findings = govstats_rollup_get_findings (rollup);
    for (guint i = 0; i < findings->len; i++)
      if (govstats_finding_counts_as_error (findings->pdata[i]))
        return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
