/* govstats-i18n.c — translated messages in an explicit language or the locale's
 *
 * Messages are written in English (the msgids) and translated in the po
 * folder. The zh_CN catalog is compiled by msgfmt at build time and embedded in the
 * library's GResource, and looked up here: a caller that passes a language
 * gets the same text whether or not the zh_CN.UTF-8 locale exists and
 * whether or not the library is installed, and one that passes none gets
 * the language of its locale's messages.
 *
 * The catalog is the GNU .mo format: a header, then two tables of
 * (length, offset) pairs, originals and translations, in the same order.
 * A context is "CONTEXT\004MSGID"; a plural original is "SINGULAR\0PLURAL"
 * with the translations likewise separated by NULs.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <gio/gio.h>

#include "govstats-i18n-private.h"

#ifdef GOVSTATS_COMPILATION
#include "govstats-resources.h"
#endif

typedef struct {
  const char *text;    /* into the resource data, which lasts as long as the process */
  guint32     length;
} Translation;

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 v;

  memcpy (&v, data + offset, 4);
  return swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* Fills @table from the .mo data; FALSE if the data is not a catalog. */
static gboolean
parse_catalog (GBytes     *bytes,
               GHashTable *table)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (size < 28)
    return FALSE;
  memcpy (&magic, data, 4);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return FALSE;
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((guint64) originals + 8 * (guint64) n > size || (guint64) translations + 8 * (guint64) n > size)
    return FALSE;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, originals + 8 * i, swapped);
      guint32 ooff = read_u32 (data, originals + 8 * i + 4, swapped);
      guint32 tlen = read_u32 (data, translations + 8 * i, swapped);
      guint32 toff = read_u32 (data, translations + 8 * i + 4, swapped);
      Translation *t;

      /* Each string is followed by a NUL, which the length leaves out. */
      if ((guint64) ooff + olen >= size || (guint64) toff + tlen >= size ||
          data[ooff + olen] != '\0' || data[toff + tlen] != '\0')
        return FALSE;
      if (olen == 0)
        continue;   /* the header entry */
      t = g_new (Translation, 1);
      t->text = (const char *) data + toff;
      t->length = tlen;
      /* Keyed by the singular: the original's text up to its first NUL. */
      g_hash_table_replace (table, (gpointer) (data + ooff), t);
    }
  return TRUE;
}

/* The messages by English text, and the catalog's bytes the table points
 * into: both kept for the process. */
typedef struct {
  GHashTable *table;
  GBytes     *bytes;
} Catalog;

static Catalog *
load_catalog (void)
{
  Catalog *c = g_new0 (Catalog, 1);
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
#ifdef GOVSTATS_COMPILATION
  GBytes *bytes = g_resource_lookup_data (govstats_get_resource (), GOVSTATS_I18N_CATALOG_PATH,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
#else
  /* The command-line program: the library registered its resource when loaded. */
  GBytes *bytes = g_resources_lookup_data (GOVSTATS_I18N_CATALOG_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
#endif

  if (bytes == NULL)
    {
      g_warning ("no Chinese messages: %s", error->message);
      c->table = table;
      return c;
    }
  if (!parse_catalog (bytes, table))
    {
      g_warning ("no Chinese messages: %s is not a message catalog", GOVSTATS_I18N_CATALOG_PATH);
      g_hash_table_remove_all (table);
      g_bytes_unref (bytes);
      c->table = table;
      return c;
    }
  c->table = table;
  c->bytes = bytes;
  return c;
}

static GHashTable *
catalog (void)
{
  static Catalog *c;

  if (g_once_init_enter (&c))
    g_once_init_leave (&c, load_catalog ());
  return c->table;
}

const char *
govstats_i18n_resolve_lang (const char *lang)
{
  const char * const *names;

  if (lang != NULL)
    return g_str_has_prefix (lang, "zh") ? "zh" : "en";
  names = g_get_language_names_with_category ("LC_MESSAGES");
  for (guint i = 0; names[i]; i++)
    {
      if (g_str_has_prefix (names[i], "zh"))
        return "zh";
      /* The first language the locale names that we have, as gettext does:
       * English is the messages as written, C and POSIX mean them too. */
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        return "en";
    }
  return "en";
}

static const Translation *
lookup (const char *lang,
        const char *key)
{
  if (!g_str_equal (govstats_i18n_resolve_lang (lang), "zh"))
    return NULL;
  return g_hash_table_lookup (catalog (), key);
}

const char *
govstats_i18n_gettext (const char *lang,
                       const char *msgid)
{
  const Translation *t = lookup (lang, msgid);

  return t && t->length > 0 ? t->text : msgid;
}

const char *
govstats_i18n_pgettext (const char *lang,
                        const char *context,
                        const char *msgid)
{
  g_autofree char *key = NULL;
  const Translation *t;

  if (!g_str_equal (govstats_i18n_resolve_lang (lang), "zh"))
    return msgid;
  key = g_strconcat (context, "\004", msgid, NULL);
  t = lookup (lang, key);
  return t && t->length > 0 ? t->text : msgid;
}

const char *
govstats_i18n_ngettext (const char *lang,
                        const char *msgid,
                        const char *msgid_plural,
                        gulong      n)
{
  const Translation *t = lookup (lang, msgid);

  /* Chinese has one form (nplurals=1): the first translation serves all n. */
  if (t && t->length > 0)
    return t->text;
  return n == 1 ? msgid : msgid_plural;
}

/* The one place that formats a translated (so not literal) format string. */
char *
govstats_i18n_vprintf (const char *lang,
                       const char *format,
                       va_list     args)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_vprintf (govstats_i18n_gettext (lang, format), args);
#pragma GCC diagnostic pop
}

char *
govstats_i18n_printf (const char *lang,
                      const char *format,
                      ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = govstats_i18n_vprintf (lang, format, args);
  va_end (args);
  return text;
}

void
govstats_i18n_set_error (GError    **error,
                         GQuark      domain,
                         int         code,
                         const char *format,
                         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (error == NULL)
    return;
  va_start (args, format);
  message = govstats_i18n_vprintf (NULL, format, args);
  va_end (args);
  g_set_error_literal (error, domain, code, message);
}

void
govstats_i18n_append (GString    *s,
                      const char *lang,
                      const char *format,
                      ...)
{
  va_list args;

  va_start (args, format);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_string_append_vprintf (s, govstats_i18n_gettext (lang, format), args);
#pragma GCC diagnostic pop
  va_end (args);
}
