/* cmd-check.c — govstats check
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "govstats-tool.h"

typedef struct {
  char           *file;
  GovstatsReport *report;      /* nullable: unreadable input */
  GPtrArray      *findings;
} Checked;

static void
checked_free (gpointer data)
{
  Checked *c = data;

  g_free (c->file);
  g_clear_object (&c->report);
  g_ptr_array_unref (c->findings);
  g_free (c);
}

/* The results as the JSON document govstats-check/1. */
static void
print_json (GPtrArray         *results,
            const char        *lang,
            const ToolSummary *summary)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  tool_begin_json (b, "govstats-check/1");
  json_builder_set_member_name (b, "reports");
  json_builder_begin_array (b);
  for (guint i = 0; i < results->len; i++)
    {
      Checked *c = results->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "file");
      json_builder_add_string_value (b, c->file);
      if (c->report)
        {
          json_builder_set_member_name (b, "unit");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          if (govstats_report_get_unit_name (c->report))
            json_builder_add_string_value (b, govstats_report_get_unit_name (c->report));
          else
            json_builder_add_null_value (b);
          json_builder_set_member_name (b, "code");
          if (govstats_report_get_unit_code (c->report))
            json_builder_add_string_value (b, govstats_report_get_unit_code (c->report));
          else
            json_builder_add_null_value (b);
          json_builder_end_object (b);
          json_builder_set_member_name (b, "version");
          json_builder_add_string_value (b, govstats_report_get_version (c->report));
          json_builder_set_member_name (b, "year");
          if (govstats_report_get_year (c->report) > 0)
            json_builder_add_int_value (b, govstats_report_get_year (c->report));
          else
            json_builder_add_null_value (b);
        }
      json_builder_set_member_name (b, "findings");
      tool_add_findings_json (b, c->findings, lang);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  tool_finish_json (b, summary);
}

/* The results as text: each report with findings, then the summary line. */
static void
print_text (GPtrArray         *results,
            const char        *lang,
            const ToolSummary *summary)
{
  guint clean = 0;

  for (guint i = 0; i < results->len; i++)
    {
      Checked *c = results->pdata[i];

      if (c->findings->len == 0)
        {
          clean++;
          continue;
        }
      if (c->report)
        {
          g_autofree char *name = NULL;
          if (govstats_report_get_unit_name (c->report) && govstats_report_get_unit_code (c->report))
            name = g_strdup_printf ("%s (%s)", govstats_report_get_unit_name (c->report),
                                    govstats_report_get_unit_code (c->report));
          else
            name = g_strdup (govstats_report_get_unit_name (c->report) ? govstats_report_get_unit_name (c->report)
                                                                       : c->file);
          /* Translators: a report's heading: %1$s is the unit, %2$s the file,
           * %3$s the layout (2019 or 2021), %4$d the year. */
          tool_print (tool_text (lang, N_("%1$s — %2$s (layout %3$s, %4$d)\n")), name, c->file,
                      govstats_report_get_version (c->report), govstats_report_get_year (c->report));
        }
      else
        tool_print ("%s\n", c->file);
      tool_print_findings_text (stdout, c->findings, lang);
      tool_print ("\n");
    }
  /* Translators: before the summary line: %1$u reports checked, %2$u of them without findings. */
  tool_print (govstats_i18n_ngettext (lang, "%1$u report checked, %2$u without findings: ",
                                      "%1$u reports checked, %2$u without findings: ", results->len),
              results->len, clean);
  tool_print_summary_text (summary, lang);
}

int
cmd_check (int    argc,
           char **argv)
{
  g_auto(GStrv) previous_args = NULL;
  g_auto(GStrv) extra_rules = NULL;
  g_autofree char *waivers = NULL;
  g_autofree char *lang = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "previous", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &previous_args,
      N_("Last year's report (or a folder of them, matched by unit code) for the cross-year rules"), "LAST.json" },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &extra_rules, N_("An extra rule file"), "EXTRA.json" },
    { "waivers", 0, 0, G_OPTION_ARG_FILENAME, &waivers, N_("A file of accepted exceptions"), "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for programs"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the messages: zh or en"), "LANG" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    tool_option_context_new ("INPUT…",
                             N_("Check each report against the consistency rules (勾稽关系) of its layout.\n"
                                "INPUT is a report file or a folder of *.json files.\n"
                                "Exit status: 0 no error findings, 1 error findings, 2 usage error."),
                             entries);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) previous = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (checked_free);
  g_autoptr(GHashTable) rule_sets = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GError) error = NULL;
  ToolSummary summary = { 0 };
  int status;

  if (!tool_parse_options (context, &argc, &argv, &status))
    return status;
  if (!tool_check_lang (lang))
    return EXIT_USAGE;
  if (lang == NULL)
    lang = g_strdup (tool_default_lang ());
  if (argc < 2)
    {
      tool_error ("%s", _("check needs at least one INPUT"));
      return EXIT_USAGE;
    }
  if (!tool_collect_inputs (argv + 1, files, &error) ||
      !tool_load_previous (previous_args, previous, &error))
    {
      tool_error ("%s", error->message);
      return EXIT_USAGE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      Checked *c = g_new0 (Checked, 1);
      g_autoptr(GError) local = NULL;

      c->file = g_strdup (files->pdata[i]);
      c->findings = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (results, c);
      c->report = govstats_report_new_from_file (c->file, &local);
      if (c->report == NULL)
        {
          g_ptr_array_add (c->findings, govstats_finding_new_input_invalid (c->file, local));
        }
      else
        {
          GovstatsRuleSet *rules = tool_rule_set_for (rule_sets, govstats_report_get_schema (c->report),
                                                      extra_rules, waivers, &local);
          GPtrArray *found;

          if (rules == NULL)
            {
              tool_error ("%s", local->message);
              return EXIT_USAGE;
            }
          found = govstats_rule_set_check (rules, c->report, tool_find_previous (previous, c->report, files->len));
          g_ptr_array_extend_and_steal (c->findings, found);
        }
      tool_count_findings (c->findings, &summary);
    }

  if (json)
    print_json (results, lang, &summary);
  else
    print_text (results, lang, &summary);
  return summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
