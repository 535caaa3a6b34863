/* cmd-import.c — govstats import
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <stdio.h>
#include <string.h>

#include "govstats-tool.h"

static gboolean
parse_format (const char           *text,
              GovstatsImportFormat *format)
{
  if (text == NULL || g_str_equal (text, "auto"))
    *format = GOVSTATS_IMPORT_FORMAT_AUTO;
  else if (g_str_equal (text, "text") || g_str_equal (text, "txt"))
    *format = GOVSTATS_IMPORT_FORMAT_TEXT;
  else if (g_str_equal (text, "html") || g_str_equal (text, "htm"))
    *format = GOVSTATS_IMPORT_FORMAT_HTML;
  else if (g_str_equal (text, "pdf"))
    *format = GOVSTATS_IMPORT_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static void
add_report_json (JsonBuilder     *b,
                 const char      *file,
                 GovstatsReport  *report,
                 GPtrArray       *findings,
                 const char      *lang)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, file);
  if (report)
    {
      JsonObject *source = govstats_report_get_source (report);
      json_builder_set_member_name (b, "unit");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      if (govstats_report_get_unit_name (report))
        json_builder_add_string_value (b, govstats_report_get_unit_name (report));
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "code");
      if (govstats_report_get_unit_code (report))
        json_builder_add_string_value (b, govstats_report_get_unit_code (report));
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "version");
      json_builder_add_string_value (b, govstats_report_get_version (report));
      json_builder_set_member_name (b, "year");
      if (govstats_report_get_year (report) > 0)
        json_builder_add_int_value (b, govstats_report_get_year (report));
      else
        json_builder_add_null_value (b);
      if (source)
        {
          JsonNode *node = json_node_new (JSON_NODE_OBJECT);
          json_node_set_object (node, source);
          json_builder_set_member_name (b, "source");
          json_builder_add_value (b, node);
        }
    }
  json_builder_set_member_name (b, "findings");
  tool_add_findings_json (b, findings, lang);
  json_builder_end_object (b);
}

/* The document govstats-import/1: the one report (or NULL when nothing
 * could be read) and its findings. */
static void
print_json (const char        *source,
            GovstatsReport    *report,
            GPtrArray         *findings,
            const char        *lang,
            const ToolSummary *summary)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  tool_begin_json (b, "govstats-import/1");
  json_builder_set_member_name (b, "reports");
  json_builder_begin_array (b);
  add_report_json (b, source, report, findings, lang);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  tool_finish_json (b, summary);
}

/* The imported report on standard output when there is no -o, and what was
 * found: the heading, the confidence per table, the findings, the counts
 * (on standard error when the report is on standard output). */
static void
print_text (const char        *source,
            const char        *output,
            GovstatsReport    *report,
            GPtrArray         *findings,
            const char        *lang,
            const ToolSummary *summary)
{
  FILE *out = output ? stdout : stderr;
  JsonObject *src = govstats_report_get_source (report);

  if (output == NULL)
    {
      gsize length = 0;
      g_autofree char *data = govstats_report_to_data (report, &length);
      tool_write (data, length);
    }
  fprintf (out, tool_text (lang, N_("%1$s — %2$s (layout %3$s, %4$d)\n")),
           govstats_report_get_unit_name (report) ? govstats_report_get_unit_name (report) : "?",
           source, govstats_report_get_version (report), govstats_report_get_year (report));
  if (src && json_object_has_member (src, "confidence"))
    {
      JsonObject *conf = json_object_get_object_member (src, "confidence");
      g_autoptr(GList) members = json_object_get_members (conf);
      fprintf (out, "  %s", tool_text (lang, N_("confidence:")));
      for (GList *m = members; m; m = m->next)
        fprintf (out, " %s %.2f", (const char *) m->data, json_object_get_double_member (conf, m->data));
      fprintf (out, "\n");
    }
  tool_print_findings_text (out, findings, lang);
  {
    g_autoptr(GString) line = g_string_new (NULL);
    tool_summary_counts (line, summary, lang);
    fprintf (out, "%s\n", line->str);
  }
}

/* --text: the text the importer reads, and nothing else. */
static int
print_source_text (const char           *source,
                   GovstatsImportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (!g_file_get_contents (source, &contents, &length, &error) ||
      (text = govstats_import_dup_text (contents, (gssize) length, format, source, &error)) == NULL)
    {
      tool_error ("%s", error->message);
      return EXIT_USAGE;
    }
  tool_write (text, strlen (text));
  return EXIT_OK;
}

int
cmd_import (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *lang = NULL;
  gboolean json = FALSE, dump_text = FALSE, no_check = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the report to OUT.json (default: standard output)"), "OUT.json" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Form of SOURCE: auto (default), text, html or pdf"), "FORMAT" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the findings as JSON for programs"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the messages: zh or en"), "LANG" },
    { "text", 0, 0, G_OPTION_ARG_NONE, &dump_text, N_("Print the text the importer reads (a PDF laid out, HTML rows as cells) and stop"), NULL },
    { "no-check", 0, 0, G_OPTION_ARG_NONE, &no_check, N_("Do not run the consistency checks on the imported report"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    tool_option_context_new ("SOURCE",
                             N_("Read a published annual report (text, HTML or PDF) into a report file.\n"
                                "Rows are found by their printed labels; a cell that cannot be read is left\n"
                                "blank with a finding giving its line and column. The imported report is then\n"
                                "checked against the consistency rules, and both kinds of findings are printed.\n"
                                "Exit status: 0 imported without errors, 1 imported with error findings,\n"
                                "2 nothing could be imported (or a usage error)."),
                             entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GovstatsReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GovstatsImportFormat format;
  ToolSummary summary = { 0 };
  const char *source;
  int status;

  if (!tool_parse_options (context, &argc, &argv, &status))
    return status;
  if (!tool_check_lang (lang))
    return EXIT_USAGE;
  if (lang == NULL)
    lang = g_strdup (tool_default_lang ());
  if (argc != 2)
    {
      tool_error ("%s", _("import needs exactly one SOURCE"));
      return EXIT_USAGE;
    }
  source = argv[1];
  if (!parse_format (format_text, &format))
    {
      /* Translators: %s is the value given to --format. */
      tool_error (_("unknown format “%s” (auto, text, html or pdf)"), format_text);
      return EXIT_USAGE;
    }

  if (dump_text)
    return print_source_text (source, format);

  report = govstats_import_file (source, format, &findings, &error);
  if (report == NULL)
    {
      if (json)
        {
          g_autoptr(GPtrArray) invalid = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (invalid, govstats_finding_new_input_invalid (source, error));
          tool_count_findings (invalid, &summary);
          print_json (source, NULL, invalid, lang, &summary);
        }
      tool_error ("%s", error->message);
      return EXIT_USAGE;
    }

  if (!no_check)
    {
      GPtrArray *checked = govstats_report_check (report, NULL);
      g_ptr_array_extend_and_steal (findings, checked);
    }
  tool_count_findings (findings, &summary);

  if (output)
    {
      if (!govstats_report_save_to_file (report, output, &error))
        {
          tool_error ("%s", error->message);
          return EXIT_USAGE;
        }
    }

  if (json)
    print_json (source, report, findings, lang, &summary);
  else
    print_text (source, output, report, findings, lang, &summary);
  return summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
