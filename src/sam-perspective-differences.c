/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-discover-common.h"
#include "sam-perspective-page.h"

/* "Image and reality" for one team: how many cards about it the team
 * recognised, found not right, or added itself, and the cards that were
 * not right beside their corrections.  Read-only: made to be projected. */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A big number with its meaning in words and an icon, never colour alone. */
static GtkWidget *
count_new (guint       count,
           const char *icon_name,
           const char *words,
           const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (text), label_new (number, "discover-count"));
  gtk_box_append (GTK_BOX (text), label_new (words, "discover-count-words"));
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "discover-stat");
  gtk_widget_add_css_class (box, css_class);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static const char *
prompt_title (SamCard *card)
{
  const char *title = sam_perspective_get_prompt_title (sam_card_get_prompt (card));

  return title ? title : "";
}

/* The "not right" cards: what the other team thought, and the owners'
 * correction beside it. */
static GtkWidget *
mismatch_grid_new (GListModel *teams,
                   GPtrArray  *not_right,
                   SamTeam    *owner)
{
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *reality = NULL;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_attach (GTK_GRID (grid), label_new (_("The image"), "heading"), 0, 0, 1, 1);
  /* Translators: a column heading; %s is the team the cards are about */
  reality = g_strdup_printf (_("What %s says"), sam_team_get_name (owner));
  gtk_grid_attach (GTK_GRID (grid), label_new (reality, "heading"), 1, 0, 1, 1);

  for (guint i = 0; i < not_right->len; i++)
    {
      SamCard *card = g_ptr_array_index (not_right, i);
      g_autofree char *writer = sam_discover_team_name (teams, sam_card_get_team_id (card));
      g_autofree char *said = NULL;
      const char *detail = sam_card_get_detail (card);
      GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      /* Translators: "Their goals — Sales" : the prompt and the team that wrote the card */
      said = g_strdup_printf (_("%s — %s"), prompt_title (card), writer);
      gtk_box_append (GTK_BOX (left), label_new (said, "discover-prompt"));
      gtk_box_append (GTK_BOX (left), label_new (sam_card_get_text (card), "discover-image"));
      gtk_box_append (GTK_BOX (right), label_new (_("Correction"), "discover-prompt"));
      gtk_box_append (GTK_BOX (right),
                      detail && *detail ? label_new (detail, "discover-reality")
                                        : label_new (_("No correction written yet"), "dim-label"));
      gtk_widget_add_css_class (left, "discover-mismatch");
      gtk_widget_add_css_class (right, "discover-mismatch");
      gtk_grid_attach (GTK_GRID (grid), left, 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), right, 1, i + 1, 1, 1);
    }

  return grid;
}

static GtkWidget *
added_list_new (GPtrArray *added,
                SamTeam   *owner)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *title = NULL;

  /* Translators: %s is a team; what it added about itself */
  title = g_strdup_printf (_("Added by %s"), sam_team_get_name (owner));
  gtk_box_append (GTK_BOX (box), label_new (title, "heading"));
  for (guint i = 0; i < added->len; i++)
    {
      SamCard *card = g_ptr_array_index (added, i);
      g_autofree char *line = NULL;
      const char *prompt = sam_perspective_get_prompt_title (sam_card_get_prompt (card));

      /* Translators: "Their goals: text of the card" */
      line = g_strdup_printf (_("%s: %s"), prompt ? prompt : "", sam_card_get_text (card));
      gtk_box_append (GTK_BOX (box), label_new (line, "discover-added"));
    }

  return box;
}

static char *
seen_by (GListModel *teams,
         GPtrArray  *image,
         SamTeam    *owner)
{
  g_autoptr(GString) writers = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < image->len; i++)
    {
      gint64 id = sam_card_get_team_id (g_ptr_array_index (image, i));
      g_autofree char *name = NULL;

      if (g_hash_table_contains (seen, GSIZE_TO_POINTER (id)))
        continue;
      g_hash_table_add (seen, GSIZE_TO_POINTER (id));
      name = sam_discover_team_name (teams, id);
      if (writers->len > 0)
        g_string_append (writers, ", ");
      g_string_append (writers, name);
    }

  if (writers->len == 0)
    return g_strdup (sam_team_get_name (owner));

  /* Translators: a heading; "Back Office, as seen by Sales" */
  return g_strdup_printf (_("%s, as seen by %s"), sam_team_get_name (owner), writers->str);
}

/**
 * sam_perspective_differences_new:
 * @teams: the workshop's teams
 * @cards: the step's cards
 * @owner: the team to show
 *
 * Returns: (transfer floating): the summary of the cards about @owner
 */
GtkWidget *
sam_perspective_differences_new (GListModel *teams,
                                 GListModel *cards,
                                 SamTeam    *owner)
{
  g_autoptr(GPtrArray) image = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) not_right = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 14);
  GtkWidget *counts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *heading = NULL;
  guint recognised = 0, open = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      SamCard *card = g_list_model_get_item (cards, i);

      if (g_strcmp0 (sam_card_get_kind (card), "perspective") != 0 ||
          sam_card_get_about_team_id (card) != sam_team_get_id (owner))
        g_object_unref (card);
      else if (sam_card_get_team_id (card) == sam_card_get_about_team_id (card))
        g_ptr_array_add (added, card);
      else
        {
          g_ptr_array_add (image, card);
          if (sam_card_get_response (card) == SAM_PERSPECTIVE_RECOGNISED)
            recognised++;
          else if (sam_card_get_response (card) == SAM_PERSPECTIVE_NOT_RIGHT)
            g_ptr_array_add (not_right, card);
          else
            open++;
        }
    }

  heading = seen_by (teams, image, owner);
  gtk_box_append (GTK_BOX (box), sam_discover_team_badge_new (owner, heading));
  gtk_widget_add_css_class (gtk_widget_get_last_child (gtk_widget_get_first_child (box)), "title-2");

  gtk_box_append (GTK_BOX (counts), count_new (recognised, "object-select-symbolic",
                                               g_dngettext (GETTEXT_PACKAGE, "card recognised", "cards recognised", recognised),
                                               "discover-stat-recognised"));
  gtk_box_append (GTK_BOX (counts), count_new (not_right->len, "dialog-warning-symbolic",
                                               g_dngettext (GETTEXT_PACKAGE, "card not right", "cards not right", not_right->len),
                                               "discover-stat-not-right"));
  gtk_box_append (GTK_BOX (counts), count_new (added->len, "list-add-symbolic",
                                               g_dngettext (GETTEXT_PACKAGE, "card added", "cards added", added->len),
                                               "discover-stat-added"));
  gtk_box_append (GTK_BOX (counts), count_new (open, "content-loading-symbolic",
                                               g_dngettext (GETTEXT_PACKAGE, "not answered yet", "not answered yet", open),
                                               "discover-stat-open"));
  gtk_box_append (GTK_BOX (box), counts);

  if (not_right->len > 0)
    gtk_box_append (GTK_BOX (box), mismatch_grid_new (teams, not_right, owner));
  if (added->len > 0)
    gtk_box_append (GTK_BOX (box), added_list_new (added, owner));
  if (image->len == 0 && added->len == 0)
    gtk_box_append (GTK_BOX (box), label_new (_("No cards about this team yet."), "dim-label"));

  gtk_widget_add_css_class (box, "discover-difference");
  return box;
}
