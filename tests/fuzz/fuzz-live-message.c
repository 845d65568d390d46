/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sam-live-message.h"
#include "sam-live-private.h"
#include "sam-workshop-file-private.h"

/* The live room's message parser as a fuzz target: any bytes are read as
 * one message (sam_live_message_parse(), the one function every message
 * passes), and the workshop file an `edits` or `packet` message carries is
 * read as the room reads it.  It must never crash, leak or warn; a bad
 * message must only give a SAM_LIVE_ERROR or SAM_FILE_ERROR. */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamLiveMessage) message = sam_live_message_parse ((const char *) data, size,
                                                              SAM_LIVE_MAX_MESSAGE, &error);
  JsonObject *file;

  if (message == NULL)
    {
      g_assert_true (error != NULL && error->domain == SAM_LIVE_ERROR);
      return 0;
    }

  file = sam_live_message_get_object (message, "file");
  if (file != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), file);
      g_autoptr(GError) file_error = NULL;
      g_autoptr(SamWorkshopFile) workshop_file = _sam_workshop_file_new_from_root (node, "fuzz", &file_error);

      g_assert_true (workshop_file != NULL || file_error->domain == SAM_FILE_ERROR);
    }

  return 0;
}
