/* govstats-tool.c — the govstats command-line program: dispatch and shared helpers
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "govstats-tool.h"

static const GovstatsCommand commands[] = {
  { "check", "[--previous LAST.json] [--rules EXTRA.json] [--waivers FILE] [--json] INPUT…",
    N_("check reports against the consistency rules"), cmd_check },
  { "rollup", "[--roster ROSTER] [--previous LAST.json] [--name NAME] -o OUT.json [--json] INPUT…",
    N_("consolidate unit reports into one"), cmd_rollup },
  { "explain", "CELL [--roster ROSTER] INPUT…", N_("show each unit's part of a consolidated cell"), cmd_explain },
  { "import", "[-o OUT.json] [--json] SOURCE", N_("read a published report (.txt, .html, .pdf) into a report"), cmd_import },
  { "render", "[--format text|markdown|html|csv|csv-wide] [--lang zh|en] [--bom] [--check] [--fragment] FILE",
    N_("print a report's statutory tables as printed"), cmd_render },
  { "schema", "[--layout V] [--format markdown|rules|json] [--lang zh|en]",
    N_("print the tables, keys and rules of a layout"), cmd_schema },
  { "validate-file", "FILE…", N_("load report files and print them in canonical form"), cmd_validate_file },
};

void
tool_write (const char *text,
            gsize       length)
{
  fwrite (text, 1, length, stdout);
}

void
tool_print (const char *format,
            ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fputs (text, stdout);
}

void
tool_error (const char *format,
            ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "govstats: %s\n", text);
}

gboolean
tool_parse_options (GOptionContext *context,
                    int            *argc,
                    char         ***argv,
                    int            *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      /* Translators: %s is what is wrong with the options. */
      tool_error (_("%s (see --help)"), error->message);
      *status = EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

const char *
tool_default_lang (void)
{
  return govstats_i18n_resolve_lang (NULL);
}

const char *
tool_text (const char *lang,
           const char *msgid)
{
  return govstats_i18n_gettext (lang, msgid);
}

static const char *
translate_option_text (const char *text,
                       gpointer    data)
{
  return govstats_i18n_gettext (NULL, text);
}

GOptionContext *
tool_option_context_new (const char         *parameter_string,
                         const char         *summary,
                         const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter_string);

  /* The context's function translates the parameter string and the
   * summary; the main group's, the options' descriptions. */
  g_option_context_set_translate_func (context, translate_option_text, NULL, NULL);
  g_option_context_set_summary (context, summary);
  if (entries)
    {
      g_option_context_add_main_entries (context, entries, NULL);
      g_option_group_set_translate_func (g_option_context_get_main_group (context), translate_option_text, NULL, NULL);
    }
  return context;
}

static void
print_usage (FILE *out)
{
  fputs (_("Usage: govstats COMMAND [OPTION…]\n\n"
           "The statutory annual report on government information disclosure:\n"
           "check, consolidate, render and import reports.\n\nCommands:\n"), out);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fputs (_("\nRun “govstats COMMAND --help” for the options of a command.\n"
           "Options:\n  --help     show this help\n  --version  show the version\n"), out);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("govstats %s\n", govstats_get_version_string ());
      return EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("govstats %s", commands[i].name);
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }
  /* Translators: %s is what was given as the command. */
  tool_error (_("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}

/* ---------- helpers the commands share ---------- */

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

/* Starts a document of the JSON contract: its top-level object, named by
 * its format ("govstats-check/1", …). */
void
tool_begin_json (JsonBuilder *b,
                 const char  *format)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, format);
}

/* Ends the document's top-level object with its summary, and prints it. */
void
tool_finish_json (JsonBuilder       *b,
                  const ToolSummary *summary)
{
  tool_add_summary_json (b, summary);
  json_builder_end_object (b);
  tool_print_json (b);
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
