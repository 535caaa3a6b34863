/* cmd-schema.c — govstats schema, govstats validate-file
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <string.h>

#include "govstats-tool.h"

int
cmd_schema (int    argc,
            char **argv)
{
  g_autofree char *version = NULL;
  g_autofree char *old_version = NULL;
  g_autofree char *format = NULL;
  g_autofree char *lang = NULL;
  GOptionEntry entries[] = {
    { "layout", 0, 0, G_OPTION_ARG_STRING, &version, N_("Layout version (2019 or 2021; default: the newest)"), "V" },
    /* The old spelling, hidden: “govstats --version” is the program's version. */
    { "version", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &old_version, NULL, "V" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: markdown (default), rules (the rules only) or json"), "FORMAT" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the rule texts: zh or en"), "LANG" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    tool_option_context_new ("", N_("Print the tables, keys, labels and rules of a statutory layout."), entries);
  GovstatsSchema *schema;
  int status;

  if (!tool_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    {
      /* Translators: %s is the first argument given. */
      tool_error (_("schema takes no arguments, found “%s”"), argv[1]);
      return EXIT_USAGE;
    }
  if (!tool_check_lang (lang))
    return EXIT_USAGE;
  if (old_version != NULL)
    {
      if (version != NULL && !g_str_equal (version, old_version))
        {
          /* Translators: the two layouts given, with the new and the old option. */
          tool_error (_("--layout %s and --version %s disagree"), version, old_version);
          return EXIT_USAGE;
        }
      tool_error ("%s", _("note: “schema --version” is deprecated, use “schema --layout”"));
      if (version == NULL)
        version = g_steal_pointer (&old_version);
    }
  if (version == NULL)
    {
      const char * const *versions = govstats_schema_list_versions ();
      version = g_strdup (versions[g_strv_length ((char **) versions) - 1]);
    }
  schema = govstats_schema_get_for_version (version);
  if (schema == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) govstats_schema_list_versions ());
      /* Translators: %1$s is the layout asked for, %2$s the known ones. */
      tool_error (_("unknown layout version “%1$s” (known: %2$s)"), version, known);
      return EXIT_USAGE;
    }
  if (format == NULL || g_str_equal (format, "markdown"))
    {
      g_autofree char *text = govstats_schema_to_markdown (schema, lang ? lang : tool_default_lang ());
      g_autoptr(GovstatsRuleSet) rules = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *catalogue = NULL;

      tool_write (text, strlen (text));
      rules = govstats_rule_set_new (schema, &error);
      if (rules == NULL)
        {
          tool_error ("%s", error->message);
          return EXIT_USAGE;
        }
      catalogue = govstats_rule_set_to_markdown (rules, lang ? lang : tool_default_lang ());
      tool_write (catalogue, strlen (catalogue));
    }
  else if (g_str_equal (format, "rules"))
    {
      g_autoptr(GovstatsRuleSet) rules = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *catalogue = NULL;

      rules = govstats_rule_set_new (schema, &error);
      if (rules == NULL)
        {
          tool_error ("%s", error->message);
          return EXIT_USAGE;
        }
      catalogue = govstats_rule_set_to_markdown (rules, lang ? lang : tool_default_lang ());
      tool_write (catalogue, strlen (catalogue));
    }
  else if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) root = govstats_schema_to_json (schema);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      tool_print ("%s\n", text);
    }
  else
    {
      /* Translators: %s is the value given to --format. */
      tool_error (_("unknown format “%s” (markdown, rules or json)"), format);
      return EXIT_USAGE;
    }
  return EXIT_OK;
}

int
cmd_validate_file (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context =
    tool_option_context_new ("FILE…",
                             N_("Load report files and print each in canonical form.\n"
                                "Exit status 2 if any file cannot be read."),
                             NULL);
  int status = EXIT_OK;

  if (!tool_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    {
      tool_error ("%s", _("validate-file needs at least one FILE"));
      return EXIT_USAGE;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GovstatsReport) report = govstats_report_new_from_file (argv[i], &error);
      g_autofree char *data = NULL;
      gsize length;

      if (report == NULL)
        {
          tool_error ("%s", error->message);
          status = EXIT_USAGE;
          continue;
        }
      data = govstats_report_to_data (report, &length);
      tool_write (data, length);
    }
  return status;
}
