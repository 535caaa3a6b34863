/* test-i18n.c — the message catalog inside the library: lookups by an
 * explicit language, by the locale, with a context, with plural forms.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <locale.h>

#include "govstats-i18n-private.h"

static void
test_resolve_lang (void)
{
  static const struct { const char *lang, *want; } cases[] = {
    { "zh", "zh" }, { "zh_CN", "zh" }, { "zh_CN.UTF-8", "zh" }, { "zh-Hans", "zh" },
    { "en", "en" }, { "en_GB.UTF-8", "en" }, { "fr", "en" }, { "", "en" }, { "C", "en" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (govstats_i18n_resolve_lang (cases[i].lang), ==, cases[i].want);
}

typedef struct { const char *language, *lc_all, *lc_messages, *lang, *want; } LocaleCase;

static void
test_resolve_locale (void)
{
  static const LocaleCase cases[] = {
    { NULL, NULL, NULL, "zh_CN.UTF-8", "zh" },
    { NULL, NULL, NULL, "C", "en" },
    { NULL, NULL, NULL, "C.UTF-8", "en" },
    { NULL, NULL, NULL, NULL, "en" },
    { NULL, NULL, NULL, "en_US.UTF-8", "en" },
    { NULL, NULL, NULL, "de_DE.UTF-8", "en" },
    /* LANGUAGE names a list; the first language we have wins. */
    { "de:zh_CN:en", NULL, NULL, "C", "zh" },
    { "en:zh_CN", NULL, NULL, "zh_CN.UTF-8", "en" },
    /* LC_ALL, then LC_MESSAGES, over LANG. */
    { NULL, "C", NULL, "zh_CN.UTF-8", "en" },
    { NULL, "zh_CN.UTF-8", NULL, "C", "zh" },
    { NULL, NULL, "zh_CN.UTF-8", "C", "zh" },
    { NULL, NULL, "C", "zh_CN.UTF-8", "en" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const LocaleCase *c = &cases[i];
      const char *names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
      const char *values[] = { c->language, c->lc_all, c->lc_messages, c->lang };

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        if (values[k])
          g_setenv (names[k], values[k], TRUE);
        else
          g_unsetenv (names[k]);
      g_test_message ("case %u: LANGUAGE=%s LC_ALL=%s LC_MESSAGES=%s LANG=%s", i, c->language, c->lc_all,
                      c->lc_messages, c->lang);
      g_assert_cmpstr (govstats_i18n_resolve_lang (NULL), ==, c->want);
      /* The same choice for the messages themselves. */
      g_assert_cmpstr (govstats_i18n_gettext (NULL, " (waived)"), ==,
                       g_str_equal (c->want, "zh") ? "（已豁免）" : " (waived)");
    }
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANG", "C.UTF-8", TRUE);
}

static void
test_gettext (void)
{
  g_assert_cmpstr (govstats_i18n_gettext ("zh", ". Cells: "), ==, "。涉及：");
  g_assert_cmpstr (govstats_i18n_gettext ("zh_CN.UTF-8", ". Cells: "), ==, "。涉及：");
  g_assert_cmpstr (govstats_i18n_gettext ("en", ". Cells: "), ==, ". Cells: ");
  /* A message the catalog does not have stays as written. */
  g_assert_cmpstr (govstats_i18n_gettext ("zh", "no such message"), ==, "no such message");
}

static void
test_pgettext (void)
{
  /* The same English text, two Chinese ones, told apart by context. */
  g_assert_cmpstr (govstats_i18n_pgettext ("zh", "list", ", "), ==, "、");
  g_assert_cmpstr (govstats_i18n_pgettext ("zh", "clauses", "; "), ==, "；");
  g_assert_cmpstr (govstats_i18n_pgettext ("zh", "finding level", "hint"), ==, "提示");
  g_assert_cmpstr (govstats_i18n_pgettext ("zh", "no such context", ", "), ==, ", ");
  g_assert_cmpstr (govstats_i18n_pgettext ("en", "list", ", "), ==, ", ");
  /* Without the context the message is another one, not in the catalog. */
  g_assert_cmpstr (govstats_i18n_gettext ("zh", "hint"), ==, "hint");
}

static void
test_ngettext (void)
{
  const char *one = "%u blank cell", *many = "%u blank cells";

  g_assert_cmpstr (govstats_i18n_ngettext ("en", one, many, 1), ==, one);
  g_assert_cmpstr (govstats_i18n_ngettext ("en", one, many, 2), ==, many);
  g_assert_cmpstr (govstats_i18n_ngettext ("en", one, many, 0), ==, many);
  g_assert_cmpstr (govstats_i18n_ngettext ("zh", one, many, 1), ==, "另有 %u 个空白单元格");
  g_assert_cmpstr (govstats_i18n_ngettext ("zh", one, many, 7), ==, "另有 %u 个空白单元格");
}

static void
test_printf (void)
{
  g_autofree char *zh = govstats_i18n_printf ("zh", "the sum of %1$u items from %2$s to %3$s", 5u, "甲", "戊");
  g_autofree char *en = govstats_i18n_printf ("en", "the sum of %1$u items from %2$s to %3$s", 5u, "A", "E");
  g_autoptr(GString) s = g_string_new ("表一");

  /* The translation reorders the arguments. */
  g_assert_cmpstr (zh, ==, "甲至戊共 5 项之和");
  g_assert_cmpstr (en, ==, "the sum of 5 items from A to E");
  govstats_i18n_append (s, "zh", "%s: ", "");
  g_assert_cmpstr (s->str, ==, "表一：");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/govstats/i18n/resolve-lang", test_resolve_lang);
  g_test_add_func ("/govstats/i18n/resolve-locale", test_resolve_locale);
  g_test_add_func ("/govstats/i18n/gettext", test_gettext);
  g_test_add_func ("/govstats/i18n/pgettext", test_pgettext);
  g_test_add_func ("/govstats/i18n/ngettext", test_ngettext);
  g_test_add_func ("/govstats/i18n/printf", test_printf);
  return g_test_run ();
}
