/* govstats-tool.h — shared pieces of the govstats command-line program
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <govstats/govstats.h>

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
/* "zh" or "en", from --lang or the environment. */
const char *tool_default_lang (void);

int cmd_schema        (int argc, char **argv);
int cmd_validate_file (int argc, char **argv);

G_END_DECLS
