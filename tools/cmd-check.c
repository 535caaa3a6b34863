/* cmd-check.c — govstats check
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "govstats-tool.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
no_report_files (const char  *folder,
                 GError     **error)
{
  /* Translators: %s is a folder given as an input. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no report files in %s (a folder is read for its *.json files)"),
               folder);
}

gboolean
tool_check_folders (char   **args,
                    GError **error)
{
  for (guint i = 0; args[i]; i++)
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;
      gboolean any = FALSE;

      if (!g_file_test (args[i], G_FILE_TEST_IS_DIR))
        continue;
      dir = g_dir_open (args[i], 0, error);
      if (dir == NULL)
        return FALSE;
      while (!any && (name = g_dir_read_name (dir)) != NULL)
        any = g_str_has_suffix (name, ".json");
      if (!any)
        {
          no_report_files (args[i], error);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tool_check_lang (const char *lang)
{
  if (lang == NULL)
    return TRUE;
  if (g_str_equal (lang, "zh") || g_str_equal (lang, "en"))
    {
      /* The library's own messages (a file's errors) follow the locale's
       * language: --lang wins over the locale for them too. */
      g_setenv ("LANGUAGE", lang, TRUE);
      return TRUE;
    }
  /* Translators: %s is the value given to --lang. */
  tool_error (_("unknown language “%s” (zh or en)"), lang);
  return FALSE;
}

gboolean
tool_collect_inputs (char      **args,
                     GPtrArray  *files,
                     GError    **error)
{
  for (guint i = 0; args[i]; i++)
    {
      if (g_file_test (args[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (args[i], 0, error);
          g_autoptr(GPtrArray) found = g_ptr_array_new ();
          const char *name;

          if (dir == NULL)
            return FALSE;
          while ((name = g_dir_read_name (dir)) != NULL)
            if (g_str_has_suffix (name, ".json"))
              g_ptr_array_add (found, g_build_filename (args[i], name, NULL));
          if (found->len == 0)
            {
              no_report_files (args[i], error);
              return FALSE;
            }
          g_ptr_array_sort (found, compare_strings);
          for (guint k = 0; k < found->len; k++)
            g_ptr_array_add (files, found->pdata[k]);
        }
      else
        g_ptr_array_add (files, g_strdup (args[i]));
    }
  return TRUE;
}

GovstatsRuleSet *
tool_rule_set_for (GHashTable     *cache,
                   GovstatsSchema *schema,
                   char          **extra_rules,
                   const char     *waivers,
                   GError        **error)
{
  GovstatsRuleSet *rules = g_hash_table_lookup (cache, schema);

  if (rules != NULL)
    return rules;
  rules = govstats_rule_set_new (schema, error);
  if (rules == NULL)
    return NULL;
  for (guint i = 0; extra_rules && extra_rules[i]; i++)
    if (!govstats_rule_set_add_rules_from_file (rules, extra_rules[i], error))
      {
        g_object_unref (rules);
        return NULL;
      }
  if (waivers && !govstats_rule_set_load_waivers_from_file (rules, waivers, error))
    {
      g_object_unref (rules);
      return NULL;
    }
  g_hash_table_insert (cache, schema, rules);
  return rules;
}

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

void
tool_count_findings (GPtrArray *findings,
                     ToolSummary *summary)
{
  for (guint i = 0; i < findings->len; i++)
    {
      GovstatsFinding *f = findings->pdata[i];

      if (govstats_finding_is_waived (f))
        summary->waived++;
      else if (govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_UNCERTAIN)
        summary->uncertain++;
      else if (govstats_finding_get_severity (f) == GOVSTATS_SEVERITY_ERROR)
        summary->errors++;
      else if (govstats_finding_get_severity (f) == GOVSTATS_SEVERITY_WARNING)
        summary->warnings++;
      else
        summary->infos++;
    }
}

void
tool_add_summary_json (JsonBuilder       *b,
                       const ToolSummary *summary)
{
  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "errors");
  json_builder_add_int_value (b, summary->errors);
  json_builder_set_member_name (b, "warnings");
  json_builder_add_int_value (b, summary->warnings);
  json_builder_set_member_name (b, "infos");
  json_builder_add_int_value (b, summary->infos);
  json_builder_set_member_name (b, "uncertain");
  json_builder_add_int_value (b, summary->uncertain);
  json_builder_set_member_name (b, "waived");
  json_builder_add_int_value (b, summary->waived);
  json_builder_end_object (b);
}

void
tool_add_findings_json (JsonBuilder *b,
                        GPtrArray   *findings,
                        const char  *lang)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    json_builder_add_value (b, govstats_finding_to_json (findings->pdata[i], lang));
  json_builder_end_array (b);
}

void
tool_print_json (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  tool_print ("%s\n", text);
}

static int
rank (GovstatsFinding *f)
{
  if (govstats_finding_counts_as_error (f))
    return 0;
  if (govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_UNCERTAIN)
    return 2;
  if (govstats_finding_get_outcome (f) == GOVSTATS_OUTCOME_NOTE)
    return 4;
  if (govstats_finding_is_waived (f))
    return 5;
  return govstats_finding_get_severity (f) == GOVSTATS_SEVERITY_WARNING ? 1 : 3;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  GovstatsFinding *f = *(GovstatsFinding **) a, *g = *(GovstatsFinding **) b;
  int d = rank (f) - rank (g);

  /* Within a rank, in the order of the source where there is one. */
  if (d != 0)
    return d;
  return (int) govstats_finding_get_line (f) - (int) govstats_finding_get_line (g);
}

void
tool_print_findings_text (FILE       *out,
                          GPtrArray  *findings,
                          const char *lang)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (findings->len);

  /* A plain copy would take over the findings' free function. */
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (sorted, findings->pdata[i]);

  /* Errors first; the sort is stable, so rule order is kept within a rank. */
  g_ptr_array_sort (sorted, compare_findings);
  for (guint i = 0; i < sorted->len; i++)
    {
      GovstatsFinding *f = sorted->pdata[i];
      g_autofree char *line = govstats_finding_to_string (f, lang);
      const char * const *cells = govstats_finding_get_cells (f);
      const char * const *units = govstats_finding_get_units (f);
      const char *file = govstats_finding_get_file (f);
      guint at_line = govstats_finding_get_line (f), at_column = govstats_finding_get_column (f);

      /* Findings about a place in a source file say where, as compilers do
       * (unless the message, as an input error's does, already starts so). */
      if (file && g_str_has_prefix (govstats_finding_get_message (f, lang), file))
        fprintf (out, "  %s\n", line);
      else if (file && at_line > 0 && at_column > 0)
        fprintf (out, "  %s:%u:%u: %s\n", file, at_line, at_column, line);
      else if (file && at_line > 0)
        fprintf (out, "  %s:%u: %s\n", file, at_line, line);
      else
        fprintf (out, "  %s\n", line);
      if (cells[0] != NULL && govstats_finding_get_outcome (f) != GOVSTATS_OUTCOME_NOTE)
        {
          guint n = g_strv_length ((char **) cells);
          g_autofree char *list = NULL;
          if (n > 6)
            {
              g_autofree char *head = g_strjoinv (", ", (char **) (const char *[]) { cells[0], cells[1], cells[2], NULL });
              /* Translators: %s is the first cells of a long list, %u how many there are. */
              list = g_strdup_printf (tool_text (lang, N_("%s … (%u cells)")), head, n);
            }
          else
            list = g_strjoinv (", ", (char **) cells);
          fprintf (out, "      %s %s\n", tool_text (lang, N_("cells:")), list);
        }
      if (units[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", (char **) units);
          fprintf (out, "      %s %s\n", tool_text (lang, N_("units:")), list);
        }
      if (govstats_finding_is_waived (f))
        fprintf (out, "      %s %s (%s)\n", tool_text (lang, N_("waiver:")),
                 govstats_finding_get_waiver_reason (f), govstats_finding_get_waiver_by (f));
      fprintf (out, "      %s %s\n", tool_text (lang, N_("fingerprint:")), govstats_finding_get_fingerprint (f));
    }
}

void
tool_summary_counts (GString           *line,
                     const ToolSummary *s,
                     const char        *lang)
{
  /* Translators: the summary line: how many errors, warnings, undecided rules and notes. */
  govstats_i18n_append (line, lang, govstats_i18n_ngettext (lang, "%u error", "%u errors", s->errors), s->errors);
  govstats_i18n_append (line, lang, govstats_i18n_ngettext (lang, ", %u warning", ", %u warnings", s->warnings),
                        s->warnings);
  govstats_i18n_append (line, lang, N_(", %u undecided"), s->uncertain);
  govstats_i18n_append (line, lang, govstats_i18n_ngettext (lang, ", %u note", ", %u notes", s->infos), s->infos);
}

void
tool_print_summary_text (const ToolSummary *s,
                         const char        *lang)
{
  g_autoptr(GString) line = g_string_new (NULL);

  tool_summary_counts (line, s, lang);
  /* Translators: the end of the summary line; %u is how many findings were waived. */
  govstats_i18n_append (line, lang, N_(", %u waived"), s->waived);
  tool_print ("%s\n", line->str);
}

/* Last year's reports: matched to an input by unit code, then by name; a
 * single previous report goes with a single input whatever its unit. */
GovstatsReport *
tool_find_previous (GPtrArray      *previous,
                    GovstatsReport *report,
                    guint           n_inputs)
{
  if (previous->len == 1 && n_inputs == 1)
    return previous->pdata[0];
  for (guint i = 0; i < previous->len; i++)
    {
      GovstatsReport *p = previous->pdata[i];
      if (govstats_report_get_unit_code (report) &&
          g_strcmp0 (govstats_report_get_unit_code (p), govstats_report_get_unit_code (report)) == 0)
        return p;
    }
  for (guint i = 0; i < previous->len; i++)
    {
      GovstatsReport *p = previous->pdata[i];
      if (govstats_report_get_unit_name (report) &&
          g_strcmp0 (govstats_report_get_unit_name (p), govstats_report_get_unit_name (report)) == 0)
        return p;
    }
  return NULL;
}

gboolean
tool_load_previous (char      **args,
                    GPtrArray  *previous,
                    GError    **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (args == NULL)
    return TRUE;
  if (!tool_collect_inputs (args, files, error))
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    {
      GovstatsReport *report = govstats_report_new_from_file (files->pdata[i], error);
      if (report == NULL)
        return FALSE;
      g_ptr_array_add (previous, report);
    }
  return TRUE;
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
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "format");
      json_builder_add_string_value (b, "govstats-check/1");
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
      tool_add_summary_json (b, &summary);
      json_builder_end_object (b);
      tool_print_json (b);
    }
  else
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
      tool_print_summary_text (&summary, lang);
    }
  return summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
