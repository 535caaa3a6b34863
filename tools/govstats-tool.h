/* govstats-tool.h — shared pieces of the govstats command-line program
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdio.h>

#include <govstats/govstats.h>

#include "govstats-i18n-private.h"

G_BEGIN_DECLS

/* Exit statuses of every subcommand. */
enum {
  EXIT_OK = 0,
  EXIT_FINDINGS = 1,
  EXIT_USAGE = 2,
};

typedef struct {
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv);
} GovstatsCommand;

/* Writes UTF-8 text to stdout as is (g_print would convert it to the locale's charset). */
void     tool_print       (const char *format, ...) G_GNUC_PRINTF (1, 2);
void     tool_write       (const char *text, gsize length);
void     tool_error       (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* Parses options; prints the error or --help and returns FALSE with *status set. */
gboolean tool_parse_options (GOptionContext *context, int *argc, char ***argv, int *status);
/* "zh" or "en": the language of the locale's messages. */
const char *tool_default_lang (void);
/* @msgid in @lang ("zh" or "en", from --lang or the locale). */
const char *tool_text         (const char *lang, const char *msgid) G_GNUC_FORMAT (2);
/* An option context whose --help is in the locale's language: @summary and
 * the entries' descriptions are msgids (marked N_()). */
GOptionContext *tool_option_context_new (const char         *parameter_string,
                                         const char         *summary,
                                         const GOptionEntry *entries);

typedef struct {
  guint errors;
  guint warnings;
  guint infos;
  guint uncertain;
  guint waived;
} ToolSummary;

/* Expands folders into their *.json files, sorted; a folder without any is an error. */
gboolean         tool_collect_inputs        (char **args, GPtrArray *files, GError **error);
/* Fails on the first folder among @args without a *.json file. */
gboolean         tool_check_folders         (char **args, GError **error);
/* TRUE for NULL, "zh" and "en" (and makes that the messages' language);
 * otherwise prints the error. */
gboolean         tool_check_lang            (const char *lang);
/* One rule set per layout, with the extra rules and waivers, cached in @cache. */
GovstatsRuleSet *tool_rule_set_for          (GHashTable *cache, GovstatsSchema *schema,
                                             char **extra_rules, const char *waivers, GError **error);
gboolean         tool_load_previous         (char **args, GPtrArray *previous, GError **error);
GovstatsReport  *tool_find_previous         (GPtrArray *previous, GovstatsReport *report, guint n_inputs);
void             tool_count_findings        (GPtrArray *findings, ToolSummary *summary);
void             tool_add_summary_json      (JsonBuilder *b, const ToolSummary *summary);
void             tool_add_findings_json     (JsonBuilder *b, GPtrArray *findings, const char *lang);
void             tool_print_json            (JsonBuilder *b);
void             tool_begin_json            (JsonBuilder *b, const char *format);
void             tool_finish_json           (JsonBuilder *b, const ToolSummary *summary);
void             tool_print_findings_text   (FILE *out, GPtrArray *findings, const char *lang);
void             tool_print_summary_text    (const ToolSummary *summary, const char *lang);
/* "N errors, N warnings, N undecided, N notes" in @lang. */
void             tool_summary_counts        (GString *line, const ToolSummary *summary, const char *lang);

int cmd_check         (int argc, char **argv);
int cmd_rollup        (int argc, char **argv);
int cmd_explain       (int argc, char **argv);
int cmd_render        (int argc, char **argv);
int cmd_import        (int argc, char **argv);
int cmd_schema        (int argc, char **argv);
int cmd_validate_file (int argc, char **argv);

G_END_DECLS
