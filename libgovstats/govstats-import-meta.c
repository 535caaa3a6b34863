/* govstats-import-meta.c — the report's metadata and its text sections
 *
 * Copyright 2026 The libgovstats authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "govstats-import-private.h"
#include "govstats-schema-private.h"
#include "govstats-report-private.h"
#include "govstats-error.h"
#include "govstats-finding-private.h"
#include "govstats-i18n-private.h"

/* ---------- metadata ---------- */

static char *
line_text (Line *l)
{
  return g_strstrip (g_strdup (l->src->text));
}

static const char * const office_suffixes[] = {
  "党政综合办公室", "党政办公室", "政务公开办公室", "党政办", "办公室", "办公厅", NULL
};

static char *
strip_office (const char *name)
{
  for (guint i = 0; office_suffixes[i]; i++)
    if (g_str_has_suffix (name, office_suffixes[i]) && strlen (name) > strlen (office_suffixes[i]) + 6)
      {
        g_autofree char *head = g_strndup (name, strlen (name) - strlen (office_suffixes[i]));
        /* "XX局办公室" is the office of XX局; "人民政府办公室" of the government. */
        return g_steal_pointer (&head);
      }
  return g_strdup (name);
}

/* "洪泽区人民政府" in a preamble that says "本报告由淮安市洪泽区人民政府办公室…":
 * the full name, with the city that the title leaves out. */
static char *
extend_unit_name (const char *unit,
                  const char *preamble)
{
  static const char *function_chars = "由向与请和及对经在为是将据的系及至";
  const char *p;

  if (strstr (unit, "市") || strstr (unit, "省") || strstr (unit, "州") || strstr (unit, "盟"))
    return NULL;
  for (p = strstr (preamble, unit); p; p = strstr (p + 1, unit))
    {
      for (glong k = 2; k <= 5; k++)
        {
          const char *start = p;
          const char *before;
          gunichar last, prev;
          glong i;
          for (i = 0; i <= k && start > preamble; i++)
            start = g_utf8_prev_char (start);
          if (i <= k)
            break;
          last = g_utf8_get_char (g_utf8_prev_char (p));
          if (last != 0x5E02 /* 市 */ && last != 0x7701 /* 省 */ && last != 0x5DDE /* 州 */ && last != 0x76DF /* 盟 */)
            break;
          before = start;
          prev = g_utf8_get_char (before);
          if (!govstats_import_is_han (prev) || g_utf8_strchr (function_chars, -1, prev))
            {
              const char *s = g_utf8_next_char (before);
              g_autofree char *prefix = g_strndup (s, (gsize) (p - s));
              gboolean all_han = TRUE;
              for (const char *q = prefix; *q; q = g_utf8_next_char (q))
                all_han = all_han && govstats_import_is_han (g_utf8_get_char (q));
              if (all_han)
                return g_strconcat (prefix, unit, NULL);
            }
        }
    }
  return NULL;
}

static GovstatsUnitKind
unit_kind_from_name (const char *name)
{
  static const char * const department[] = {
    "局", "委", "委员会", "办", "办公室", "中心", "院", "所", "厅", "署", "队", "站", "处", "会", "部", "馆", NULL
  };

  if (g_str_has_suffix (name, "街道办事处") || g_str_has_suffix (name, "街道") ||
      g_str_has_suffix (name, "镇人民政府") || g_str_has_suffix (name, "乡人民政府") ||
      g_str_has_suffix (name, "镇政府") || g_str_has_suffix (name, "乡政府"))
    return GOVSTATS_UNIT_KIND_TOWN;
  if (g_str_has_suffix (name, "人民政府") || g_str_has_suffix (name, "政府") ||
      g_str_has_suffix (name, "人民政府办公室") || g_str_has_suffix (name, "政府办公室") ||
      g_str_has_suffix (name, "行政公署"))
    return GOVSTATS_UNIT_KIND_GOVERNMENT;
  for (guint i = 0; department[i]; i++)
    if (g_str_has_suffix (name, department[i]))
      return GOVSTATS_UNIT_KIND_DEPARTMENT;
  return GOVSTATS_UNIT_KIND_OTHER;
}

void
govstats_import_read_metadata (Reader  *rd,
                               int      first_heading,
                               int      tables_heading)
{
  g_autoptr(GRegex) title_re = g_regex_new ("^(.*?)\\s*((?:19|20)\\d{2})\\s*年度?\\s*(?:的)?\\s*政府\\s*信息\\s*公开\\s*"
                                            "(?:工作\\s*)?(?:年度\\s*)?(?:工作\\s*)?报\\s*告", 0, 0, NULL);
  g_autoptr(GRegex) period_re = g_regex_new ("((?:19|20)\\d{2})\\s*年\\s*0?1\\s*月\\s*0?1\\s*日", 0, 0, NULL);
  g_autoptr(GRegex) maker_re = g_regex_new ("(?:本(?:年度)?报告|本年度报告)(?:是根据[^，,。]*?[，,])?由\\s*([^，,。\\s]{2,40}?)"
                                            "\\s*(?:根据|按照|依据|编制|制作|要求)", 0, 0, NULL);
  g_autoptr(GString) preamble = g_string_new (NULL);
  g_autofree char *unit = NULL;
  int year = 0;
  /* The title and the preamble: before the first heading, or (when the
   * preamble is printed under 一、) before the tables. */
  guint limit = tables_heading > 0 ? (guint) tables_heading
              : first_heading > 0 ? (guint) first_heading : MIN (rd->lines->len, 40);
  Line *prev = NULL;

  for (guint i = 0; i < limit && i < rd->lines->len; i++)
    {
      Line *l = rd->lines->pdata[i];
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) m = NULL;

      if (!l->content)
        continue;
      text = line_text (l);
      g_string_append (preamble, l->norm);
      if (year == 0 && g_regex_match (title_re, text, 0, &m))
        {
          g_autofree char *name = g_match_info_fetch (m, 1);
          g_autofree char *y = g_match_info_fetch (m, 2);
          char *colon;
          g_strstrip (name);
          /* A sentence that names a report is no title. */
          if (govstats_import_n_chars (name) > 40 || strpbrk (name, ",;") || strstr (name, "，") || strstr (name, "。"))
            {
              prev = l;
              continue;
            }
          year = atoi (y);
          /* "标题: 中埠镇人民政府…", "沭阳县发展和改革局 | …" */
          if ((colon = g_utf8_strrchr (name, -1, ':')) || (colon = g_utf8_strrchr (name, -1, 0xFF1A)))
            memmove (name, g_utf8_next_char (colon), strlen (g_utf8_next_char (colon)) + 1);
          {
            g_autofree char *norm = govstats_import_normalize_label (name);
            g_free (name);
            name = g_steal_pointer (&norm);
          }
          if (*name == '\0' && prev != NULL)
            {
              g_autofree char *pt = line_text (prev);
              g_autofree char *pn = govstats_import_normalize_label (pt);
              if (govstats_import_n_chars (pn) <= 30 && strpbrk (pn, "0123456789") == NULL)
                {
                  g_free (name);
                  name = g_steal_pointer (&pn);
                }
            }
          if (*name != '\0' && unit == NULL)
            unit = g_steal_pointer (&name);
        }
      prev = l;
    }
  if (year == 0)
    for (guint i = 0; i < limit && i < rd->lines->len && year == 0; i++)
      {
        Line *l = rd->lines->pdata[i];
        g_autoptr(GMatchInfo) m = NULL;
        if (l->content && g_regex_match (period_re, l->src->text, 0, &m))
          {
            g_autofree char *y = g_match_info_fetch (m, 1);
            year = atoi (y);
          }
      }
  if (unit == NULL)
    {
      g_autoptr(GMatchInfo) m = NULL;
      if (g_regex_match (maker_re, preamble->str, 0, &m))
        {
          g_autofree char *maker = g_match_info_fetch (m, 1);
          unit = strip_office (maker);
        }
    }
  else
    {
      char *full = extend_unit_name (unit, preamble->str);
      if (full)
        {
          g_free (unit);
          unit = full;
        }
    }

  if (year > 0)
    govstats_report_set_year (rd->report, year);
  if (unit)
    {
      govstats_report_set_unit_name (rd->report, unit);
      govstats_report_set_unit_kind (rd->report, unit_kind_from_name (unit));
    }
  if (year == 0 || unit == NULL)
    {
      const char *format = unit ? N_("the year of the report was not found (the title should read "
                                     "“<unit> 2024 年政府信息公开工作年度报告”)")
                         : year ? N_("the unit of the report was not found (the title should read "
                                     "“<unit> 2024 年政府信息公开工作年度报告”)")
                                : N_("the unit and the year of the report were not found (the title should read "
                                     "“<unit> 2024 年政府信息公开工作年度报告”)");
      govstats_import_add_finding (rd, "import.missing_metadata", GOVSTATS_SEVERITY_WARNING, 1, 1, NULL,
                                   govstats_i18n_gettext ("zh", format), format);
    }
}

/* ---------- text sections ---------- */

static gboolean
ends_sentence (const char *s)
{
  return g_str_has_suffix (s, "。") || g_str_has_suffix (s, "：") || g_str_has_suffix (s, "；") ||
         g_str_has_suffix (s, "！") || g_str_has_suffix (s, "？") || g_str_has_suffix (s, ":") ||
         g_str_has_suffix (s, "）") || g_str_has_suffix (s, ")");
}

/* The printed width of a line of text: CJK characters count two, spaces
 * nothing (pdftotext pads and spaces out lines). */
static int
text_width (const char *s)
{
  int w = 0;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (govstats_import_is_space (c))
        continue;
      w += g_unichar_iswide (c) ? 2 : 1;
    }
  return w;
}

static int
compare_ints_desc (gconstpointer a,
                   gconstpointer b)
{
  return govstats_import_compare_ints (b, a);
}

char *
govstats_import_section_text (Reader *rd,
                              int     from,
                              int     to)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) indents = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (int));
  GString *out = g_string_new (NULL);
  int typical = 0;
  guint near = 0;
  gboolean varied_indent = FALSE, wrapped;
  int first_indent = -1;

  for (int i = from; i < to; i++)
    {
      Line *l = rd->lines->pdata[i];
      const char *p = l->src->text;
      int indent = 0, w;
      if (!l->content)
        continue;
      while (*p == ' ')
        {
          p++;
          indent++;
        }
      g_ptr_array_add (texts, g_strstrip (g_strdup (l->src->text)));
      g_array_append_val (indents, indent);
      w = text_width (texts->pdata[texts->len - 1]);
      g_array_append_val (widths, w);
      if (first_indent < 0)
        first_indent = indent;
      else if (ABS (indent - first_indent) >= 2)
        varied_indent = TRUE;
    }

  /* Signature lines at the end: the unit's name, a date. */
  while (texts->len > 0)
    {
      const char *last = texts->pdata[texts->len - 1];
      g_autofree char *norm = govstats_import_normalize_label (last);
      const char *unit = govstats_report_get_unit_name (rd->report);
      gboolean date = g_regex_match_simple ("^(19|20)\\d{2}年\\d{1,2}月\\d{1,2}日$", norm, 0, 0);
      if (date || (unit && g_str_equal (norm, unit)))
        {
          g_ptr_array_set_size (texts, texts->len - 1);
          g_array_set_size (indents, indents->len - 1);
          g_array_set_size (widths, widths->len - 1);
        }
      else
        break;
    }

  /* Text wrapped at a fixed width (PDF text), or one paragraph per line? */
  if (widths->len > 0)
    {
      g_autoptr(GArray) sorted = g_array_copy (widths);
      g_array_sort (sorted, compare_ints_desc);
      typical = g_array_index (sorted, int, sorted->len / 5);
      for (guint i = 0; i < widths->len; i++)
        if (g_array_index (widths, int, i) >= typical - 4)
          near++;
    }
  wrapped = texts->len > 1 && near * 3 >= texts->len;

  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = texts->pdata[i];
      gboolean new_para = out->len == 0;

      if (!new_para)
        {
          const char *prev = texts->pdata[i - 1];
          gboolean prev_short = g_array_index (widths, int, i - 1) < typical - 4;
          if (!wrapped)
            new_para = TRUE;
          else if (varied_indent && g_array_index (indents, int, i) > g_array_index (indents, int, i - 1) + 1)
            new_para = TRUE;
          else if (govstats_import_word_starts_with_numbering (t) && (ends_sentence (prev) || prev_short))
            new_para = TRUE;
          else if (prev_short)
            new_para = TRUE;
        }
      if (new_para && out->len)
        g_string_append_c (out, '\n');
      else if (!new_para)
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (out->str + out->len));
          if (!(govstats_import_is_cjk (before) || govstats_import_is_cjk (g_utf8_get_char (t))))
            g_string_append_c (out, ' ');
        }
      g_string_append (out, t);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

void
govstats_import_check_text_against_table (Reader *rd)
{
  const char *overview = govstats_report_get_text (rd->report, "overview");
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) m = NULL;
  gint64 received = 0, carried = 0;
  gboolean has_received, has_carried;

  if (overview == NULL || !govstats_schema_has_cell (rd->schema, "applications/received/total"))
    return;
  has_received = govstats_report_get_value (rd->report, "applications/received/total", &received);
  has_carried = govstats_report_get_value (rd->report, "applications/carried_over/total", &carried);
  if (!has_received)
    return;
  re = g_regex_new ("(?:受理|收到)[^0-9。；]{0,24}?申请[^0-9。；]{0,8}?(\\d+)\\s*件", 0, 0, NULL);
  if (g_regex_match (re, overview, 0, &m))
    {
      g_autofree char *num = g_match_info_fetch (m, 1);
      g_autofree char *phrase = g_match_info_fetch (m, 0);
      gint64 n = g_ascii_strtoll (num, NULL, 10);
      if (n != received && !(has_carried && n == received + carried))
        {
          const char *cells[] = { "applications/received/total", NULL };
          g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, received);
          GovstatsFinding *f = govstats_import_add_finding_printf (rd, "import.text_mismatch", GOVSTATS_SEVERITY_INFO, 0, 0, NULL,
                                                                   /* Translators: %1$s is a phrase of the report's overview,
                                                                    * %2$s the total of table III's new applications. */
                                                                   N_("the overview says “%1$s” while table III has %2$s new "
                                                                      "applications in total: please compare"), phrase, total);
          govstats_finding_set_cells (f, cells);
        }
    }
}

void
govstats_import_read_scope (Reader *rd)
{
  const char *overview = govstats_report_get_text (rd->report, "overview");

  /* A government's report is the aggregate of its territory when it counts
   * applications for the whole city, district or county (全市共受理…);
   * a department's or a town's figures are its own. */
  govstats_report_set_scope (rd->report, GOVSTATS_SCOPE_OWN);
  if (overview == NULL || govstats_report_get_unit_kind (rd->report) != GOVSTATS_UNIT_KIND_GOVERNMENT)
    return;
  if (g_regex_match_simple ("全(市|区|县|省|旗|州|盟|自治州|自治县)[^。；，]{0,12}?(共|受理|收到|办理|新收)",
                            overview, 0, 0))
    govstats_report_set_scope (rd->report, GOVSTATS_SCOPE_AGGREGATE);
}
