/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>

#include "sam-live-private.h"

/* Pairing: the room code, the room's certificate and the proofs of the
 * code.  Random numbers come from GnuTLS, hashes and HMAC from GLib; no
 * crypto of our own (docs/live-room.md, "Pairing"). */

G_DEFINE_QUARK (sam-live-error-quark, sam_live_error)

char *
_sam_live_random_hex (gsize n_bytes)
{
  g_autofree guint8 *bytes = g_malloc (n_bytes);
  GString *hex = g_string_sized_new (n_bytes * 2);

  if (gnutls_rnd (GNUTLS_RND_KEY, bytes, n_bytes) != 0)
    g_error ("GnuTLS has no random numbers");
  for (gsize i = 0; i < n_bytes; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);

  return g_string_free (hex, FALSE);
}

/* Each character from one random byte below the largest multiple of 31
 * (248), so every character of the alphabet is equally likely. */
char *
_sam_live_random_code (void)
{
  char *code = g_malloc0 (SAM_LIVE_CODE_LENGTH + 1);
  guint n = 0;

  while (n < SAM_LIVE_CODE_LENGTH)
    {
      guint8 byte;

      if (gnutls_rnd (GNUTLS_RND_KEY, &byte, 1) != 0)
        g_error ("GnuTLS has no random numbers");
      if (byte < 248)
        code[n++] = SAM_LIVE_ALPHABET[byte % 31];
    }

  return code;
}

static gboolean
gnutls_failed (int       rc,
               GError  **error)
{
  if (rc >= 0)
    return FALSE;

  g_set_error (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL,
               _("The room’s certificate could not be made: %s"), gnutls_strerror (rc));
  return TRUE;
}

static char *
datum_to_string (gnutls_datum_t *datum)
{
  char *text = g_strndup ((const char *) datum->data, datum->size);

  gnutls_free (datum->data);
  return text;
}

/* A self-signed ECDSA P-256 certificate for the room, valid ten years:
 * the laptops pin it by its fingerprint, so no authority signs it. */
gboolean
_sam_live_make_certificate (char    **cert_pem,
                            char    **key_pem,
                            GError  **error)
{
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t out = { NULL, 0 };
  guint8 serial[16];
  time_t now = time (NULL);
  gboolean ok = FALSE;

  if (gnutls_failed (gnutls_x509_privkey_init (&key), error) ||
      gnutls_failed (gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                                   GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0), error) ||
      gnutls_failed (gnutls_x509_crt_init (&crt), error))
    goto out;

  gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial);
  serial[0] &= 0x7f;
  if (gnutls_failed (gnutls_x509_crt_set_version (crt, 3), error) ||
      gnutls_failed (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), error) ||
      gnutls_failed (gnutls_x509_crt_set_activation_time (crt, now - 24 * 3600), error) ||
      gnutls_failed (gnutls_x509_crt_set_expiration_time (crt, now + 10 * 365 * 24 * 3600), error) ||
      gnutls_failed (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                                    "Samenspel room", strlen ("Samenspel room")), error) ||
      gnutls_failed (gnutls_x509_crt_set_key (crt, key), error) ||
      gnutls_failed (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), error))
    goto out;

  if (gnutls_failed (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &out), error))
    goto out;
  *cert_pem = datum_to_string (&out);

  /* PKCS#8, the private key form GLib's PEM reader takes. */
  if (gnutls_failed (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL,
                                                        GNUTLS_PKCS_PLAIN, &out), error))
    {
      g_clear_pointer (cert_pem, g_free);
      goto out;
    }
  *key_pem = datum_to_string (&out);
  ok = TRUE;

out:
  if (crt != NULL)
    gnutls_x509_crt_deinit (crt);
  if (key != NULL)
    gnutls_x509_privkey_deinit (key);
  return ok;
}

char *
_sam_live_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
}

/* HMAC-SHA256 keyed with @key (the room code) over a transcript that binds
 * the role, the certificate the laptop sees and both nonces: a proof made
 * for one connection, one side or one certificate proves nothing on
 * another. */
char *
_sam_live_proof (const char *key,
                 const char *role,
                 const char *fingerprint,
                 const char *server_nonce,
                 const char *client_nonce)
{
  g_autofree char *transcript = g_strjoin ("\n", "samenspel-live/1", role, fingerprint,
                                           server_nonce, client_nonce, NULL);

  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) key, strlen (key),
                                    transcript, -1);
}

/* Compares two strings in a time that depends only on their length. */
gboolean
_sam_live_equal (const char *a,
                 const char *b)
{
  gsize length;
  guint8 diff = 0;

  if (a == NULL || b == NULL || (length = strlen (a)) != strlen (b))
    return FALSE;

  for (gsize i = 0; i < length; i++)
    diff |= (guint8) a[i] ^ (guint8) b[i];

  return diff == 0;
}

char *
_sam_live_hash_token (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/**
 * sam_live_format_code:
 * @code: a room code as sam_live_room_get_code() gives it
 *
 * Returns: (transfer full): the code to read out and type, in two groups
 *   of four ("K7QM 3XPA")
 */
char *
sam_live_format_code (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  if (strlen (code) != SAM_LIVE_CODE_LENGTH)
    return g_strdup (code);

  return g_strdup_printf ("%.4s %.4s", code, code + 4);
}

/**
 * sam_live_normalize_code:
 * @typed: what someone typed
 *
 * Ignores case, spaces, dashes and dots.  A 0, 1, I, L or O is never part
 * of a code, so what was typed with one is refused rather than guessed.
 *
 * Returns: (transfer full) (nullable): the code, or %NULL if @typed
 *   cannot be a room code
 */
char *
sam_live_normalize_code (const char *typed)
{
  GString *code;

  g_return_val_if_fail (typed != NULL, NULL);

  code = g_string_new (NULL);
  for (const char *p = typed; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-' || c == '.' || c == '\t' || c == '\n')
        continue;
      if (strchr (SAM_LIVE_ALPHABET, c) == NULL || c == '\0' || code->len >= SAM_LIVE_CODE_LENGTH)
        {
          g_string_free (code, TRUE);
          return NULL;
        }
      g_string_append_c (code, c);
    }

  if (code->len != SAM_LIVE_CODE_LENGTH)
    {
      g_string_free (code, TRUE);
      return NULL;
    }

  return g_string_free (code, FALSE);
}

/**
 * sam_live_short_fingerprint:
 * @fingerprint: 64 hex digits
 *
 * Returns: (transfer full): the first 12 hex digits in upper case, in
 *   groups of four ("4F2A-91C0-77DE"), for a person to compare on both
 *   screens
 */
char *
sam_live_short_fingerprint (const char *fingerprint)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (fingerprint != NULL, NULL);

  upper = g_ascii_strup (fingerprint, -1);
  if (strlen (upper) < 12)
    return g_steal_pointer (&upper);

  return g_strdup_printf ("%.4s-%.4s-%.4s", upper, upper + 4, upper + 8);
}

static gboolean
is_fingerprint (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
bad_uri (GError     **error,
         const char  *uri)
{
  g_set_error (error, SAM_LIVE_ERROR, SAM_LIVE_ERROR_PROTOCOL,
               _("“%s” is not the address of a Samenspel room"), uri);
  return FALSE;
}

/**
 * sam_live_parse_join_uri:
 * @uri: what the room's QR code carries
 * @host: (out) (optional) (transfer full): the coach's address
 * @port: (out) (optional): its port
 * @code: (out) (optional) (transfer full): the room code, normalized
 * @fingerprint: (out) (optional) (transfer full): the certificate's
 *   SHA-256, lowercase hex
 * @error: return location for a #GError in %SAM_LIVE_ERROR
 *
 * Returns: %TRUE if @uri is a complete join address
 */
gboolean
sam_live_parse_join_uri (const char  *uri,
                         char       **host,
                         guint16     *port,
                         char       **code,
                         char       **fingerprint,
                         GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *normal = NULL;
  const char *fp, *scheme, *query;

  g_return_val_if_fail (uri != NULL, FALSE);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || (scheme = g_uri_get_scheme (parsed)) == NULL ||
      g_ascii_strcasecmp (scheme, "samenspel-live") != 0 ||
      g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0' ||
      g_uri_get_port (parsed) <= 0 || g_uri_get_port (parsed) > G_MAXUINT16 ||
      (query = g_uri_get_query (parsed)) == NULL)
    return bad_uri (error, uri);

  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return bad_uri (error, uri);

  fp = g_hash_table_lookup (params, "fp");
  normal = g_hash_table_lookup (params, "code")
           ? sam_live_normalize_code (g_hash_table_lookup (params, "code")) : NULL;
  if (normal == NULL || !is_fingerprint (fp))
    return bad_uri (error, uri);

  if (host != NULL)
    *host = g_strdup (g_uri_get_host (parsed));
  if (port != NULL)
    *port = (guint16) g_uri_get_port (parsed);
  if (code != NULL)
    *code = g_steal_pointer (&normal);
  if (fingerprint != NULL)
    *fingerprint = g_ascii_strdown (fp, -1);
  return TRUE;
}
