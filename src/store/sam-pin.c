/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sam-pin.h"

/* The coach's PIN that leaves team mode.  A packet carries a random salt
 * and SHA-256 iterated over the salt and the previous digest, starting
 * from salt + PIN: the PIN itself is never written anywhere.  This keeps a
 * curious team from reading the PIN out of the packet; it is a kiosk, not
 * a security boundary against whoever owns the laptop. */

/**
 * sam_pin_is_acceptable:
 * @pin: a PIN the coach typed
 *
 * Returns: %TRUE when @pin has %SAM_PIN_MIN_LENGTH to %SAM_PIN_MAX_LENGTH
 *   characters and no white space at its ends
 */
gboolean
sam_pin_is_acceptable (const char *pin)
{
  glong length;

  if (pin == NULL || !g_utf8_validate (pin, -1, NULL))
    return FALSE;

  length = g_utf8_strlen (pin, -1);
  if (length < SAM_PIN_MIN_LENGTH || length > SAM_PIN_MAX_LENGTH)
    return FALSE;

  return !g_ascii_isspace (pin[0]) && !g_ascii_isspace (pin[strlen (pin) - 1]);
}

/**
 * sam_pin_hash:
 * @salt: the salt, as hexadecimal text
 * @pin: the PIN
 * @rounds: how often to repeat the hash (at least 1)
 *
 * Returns: (transfer full): the iterated SHA-256, as lower-case hexadecimal
 */
char *
sam_pin_hash (const char *salt,
              const char *pin,
              guint       rounds)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_return_val_if_fail (salt != NULL && pin != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) salt, -1);
  g_checksum_update (checksum, (const guchar *) pin, -1);
  g_checksum_get_digest (checksum, digest, &length);
  for (guint i = 1; i < rounds; i++)
    {
      g_checksum_reset (checksum);
      g_checksum_update (checksum, (const guchar *) salt, -1);
      g_checksum_update (checksum, digest, sizeof digest);
      g_checksum_get_digest (checksum, digest, &length);
    }

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, digest, sizeof digest);
}

/**
 * sam_pin_make:
 * @pin: an acceptable PIN
 * @salt: (out) (transfer full): a fresh random salt
 * @hash: (out) (transfer full): the hash of @pin with @salt
 * @rounds: (out): the rounds used
 *
 * Makes what a team packet stores for @pin.
 */
void
sam_pin_make (const char  *pin,
              char       **salt,
              char       **hash,
              guint       *rounds)
{
  GString *text = g_string_new (NULL);

  g_return_if_fail (pin != NULL && salt != NULL && hash != NULL && rounds != NULL);

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (text, "%08x", g_random_int ());
  *salt = g_string_free (text, FALSE);
  *rounds = SAM_PIN_ROUNDS;
  *hash = sam_pin_hash (*salt, pin, *rounds);
}

/**
 * sam_pin_check:
 * @salt: the stored salt
 * @hash: the stored hash
 * @rounds: the stored rounds
 * @pin: what was typed
 *
 * Compares in constant time, so the time taken says nothing about how much
 * of the PIN was right.
 *
 * Returns: %TRUE when @pin is the PIN
 */
gboolean
sam_pin_check (const char *salt,
               const char *hash,
               guint       rounds,
               const char *pin)
{
  g_autofree char *typed = NULL;
  guint8 diff = 0;
  gsize length;

  if (salt == NULL || hash == NULL || pin == NULL || rounds == 0 || *hash == '\0')
    return FALSE;

  typed = sam_pin_hash (salt, pin, rounds);
  length = strlen (typed);
  if (strlen (hash) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    diff |= (guint8) (typed[i] ^ g_ascii_tolower (hash[i]));

  return diff == 0;
}
