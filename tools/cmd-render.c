/* cmd-render.c — govstats render
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "govstats-tool.h"

static const struct {
  const char           *name;
  GovstatsRenderFormat  format;
} formats[] = {
  { "text", GOVSTATS_RENDER_FORMAT_TEXT },
  { "markdown", GOVSTATS_RENDER_FORMAT_MARKDOWN },
  { "html", GOVSTATS_RENDER_FORMAT_HTML },
  { "csv", GOVSTATS_RENDER_FORMAT_CSV },
  { "csv-wide", GOVSTATS_RENDER_FORMAT_CSV_WIDE },
};

int
cmd_render (int    argc,
            char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *lang = NULL;
  gboolean bom = FALSE, check = FALSE, fragment = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: text (default), markdown, html, csv (one line per cell) or csv-wide (a block per table)"), "FORMAT" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the labels: zh or en"), "LANG" },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, N_("Start CSV with a UTF-8 byte order mark (for spreadsheet programs)"), NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Check the report: HTML highlights the cells of the findings; text, Markdown and HTML list them"), NULL },
    { "fragment", 0, 0, G_OPTION_ARG_NONE, &fragment, N_("HTML: write a <div> to embed instead of a whole page"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    tool_option_context_new ("FILE",
                             N_("Print a report's statutory tables as the form lays them out: the sections in order,\n"
                                "blank cells blank, values exact."),
                             entries);
  g_autoptr(GovstatsReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  GovstatsRenderFormat format = GOVSTATS_RENDER_FORMAT_TEXT;
  GovstatsRenderFlags flags = GOVSTATS_RENDER_FLAGS_NONE;
  int status;

  if (!tool_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    {
      if (argc < 2)
        tool_error ("%s", _("render needs one report FILE (see --help)"));
      else
        /* Translators: %d is how many arguments were given. */
        tool_error (_("render takes one report FILE, found %d (see --help)"), argc - 1);
      return EXIT_USAGE;
    }
  if (format_name != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (formats); i++)
        if (g_str_equal (format_name, formats[i].name))
          break;
      if (i == G_N_ELEMENTS (formats))
        {
          /* Translators: %s is the value given to --format. */
          tool_error (_("unknown format “%s” (text, markdown, html, csv or csv-wide)"), format_name);
          return EXIT_USAGE;
        }
      format = formats[i].format;
    }
  if (!tool_check_lang (lang))
    return EXIT_USAGE;

  report = govstats_report_new_from_file (argv[1], &error);
  if (report == NULL)
    {
      /* The message names the file and, for a parse error, line:column. */
      tool_error ("%s", error->message);
      return EXIT_USAGE;
    }
  if (check)
    findings = govstats_report_check (report, NULL);
  if (bom)
    flags |= GOVSTATS_RENDER_FLAGS_BOM;
  if (!fragment)
    flags |= GOVSTATS_RENDER_FLAGS_STANDALONE;
  output = govstats_report_render (report, format, lang ? lang : tool_default_lang (), findings, flags);
  tool_write (output, strlen (output));
  return EXIT_OK;
}
