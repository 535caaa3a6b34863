/* govstats-tool.c — the govstats command-line program: dispatch and shared helpers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "govstats-tool.h"

static const GovstatsCommand commands[] = {
  { "check", "[--previous LAST.json] [--rules EXTRA.json] [--waivers FILE] [--json] INPUT…",
    "check reports against the consistency rules", cmd_check },
  { "rollup", "[--roster ROSTER] [--previous LAST.json] [--name NAME] -o OUT.json [--json] INPUT…",
    "consolidate unit reports into one", cmd_rollup },
  { "explain", "CELL [--roster ROSTER] INPUT…", "show each unit's part of a consolidated cell", cmd_explain },
  { "import", "[-o OUT.json] [--json] SOURCE", "read a published report (.txt, .html, .pdf) into a report", cmd_import },
  { "render", "[--format text|markdown|html|csv|csv-wide] [--lang zh|en] [--bom] [--check] [--fragment] FILE", "print a report's statutory tables as printed", cmd_render },
  { "schema", "[--layout V] [--format markdown|rules|json] [--lang zh|en]", "print the tables, keys and rules of a layout", cmd_schema },
  { "validate-file", "FILE…", "load report files and print them in canonical form", cmd_validate_file },
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
      tool_error ("%s (see --help)", error->message);
      *status = EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

const char *
tool_default_lang (void)
{
  const char * const *langs = g_get_language_names ();

  for (guint i = 0; langs[i]; i++)
    {
      if (g_str_has_prefix (langs[i], "zh"))
        return "zh";
      if (g_str_has_prefix (langs[i], "en"))
        return "en";
    }
  return "zh";
}

static void
print_usage (FILE *out)
{
  fprintf (out, "Usage: govstats COMMAND [OPTION…]\n\n"
                "The statutory annual report on government information disclosure:\n"
                "check, consolidate, render and import reports.\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-14s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\nRun “govstats COMMAND --help” for the options of a command.\n"
                "Options:\n  --help     show this help\n  --version  show the version\n");
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
  tool_error ("unknown command “%s”", argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
