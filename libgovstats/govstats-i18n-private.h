/* govstats-i18n-private.h — translated messages in an explicit language or the locale's
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The compiled zh_CN catalog (po/zh_CN.po), in the library's GResource. */
#define GOVSTATS_I18N_CATALOG_PATH "/org/libgovstats/po/zh_CN.mo"

/* "zh" or "en" for @lang ("zh", "zh_CN", "en_GB", …); for NULL, the
 * language of the locale's messages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG):
 * Chinese when that says zh, English otherwise (C, POSIX, unset). */
const char *govstats_i18n_resolve_lang (const char *lang);

/* The translation of @msgid in @lang (NULL: the locale's), or @msgid. */
const char *govstats_i18n_gettext  (const char *lang,
                                    const char *msgid) G_GNUC_FORMAT (2);
/* The same for a message with a context (msgctxt): the same English text
 * can need different Chinese ones, such as a list separator. */
const char *govstats_i18n_pgettext (const char *lang,
                                    const char *context,
                                    const char *msgid) G_GNUC_FORMAT (3);
/* The translation of @msgid or @msgid_plural, as @n asks. */
const char *govstats_i18n_ngettext (const char *lang,
                                    const char *msgid,
                                    const char *msgid_plural,
                                    gulong      n) G_GNUC_FORMAT (3);

/* Formats the translation of @format in @lang, from a va_list. */
char *govstats_i18n_vprintf (const char *lang,
                             const char *format,
                             va_list     args) G_GNUC_PRINTF (2, 0);
/* Formats the translation of @format in @lang. */
char *govstats_i18n_printf  (const char *lang,
                             const char *format,
                             ...) G_GNUC_PRINTF (2, 3);
/* Appends the formatted translation of @format in @lang to @s. */
void  govstats_i18n_append  (GString    *s,
                             const char *lang,
                             const char *format,
                             ...) G_GNUC_PRINTF (3, 4);

/* g_set_error() with @format (a msgid) in the locale's language. */
void  govstats_i18n_set_error (GError    **error,
                               GQuark      domain,
                               int         code,
                               const char *format,
                               ...) G_GNUC_PRINTF (4, 5);

/* Marks @s for translation where it is translated later, by lang. */
#define N_(s) (s)
/* Marks @s, with the context @c, for translation later. */
#define NC_(c, s) (s)
/* @s in the locale's language (for GError messages and the command line). */
#define _(s) govstats_i18n_gettext (NULL, (s))
/* @s with the context @c, in the locale's language. */
#define C_(c, s) govstats_i18n_pgettext (NULL, (c), (s))

G_END_DECLS
