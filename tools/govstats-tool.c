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
