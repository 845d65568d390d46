/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-field.h"
#include "sam-map-page-private.h"

/* The side panel of the map page: what the selected team, relation,
 * belief or link is, with the beliefs and links that belong to it listed
 * read-only and where they were written. */

static void
clear_list (GtkListBox *list)
{
  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL;)
    gtk_list_box_remove (list, row);
}

static void
add_info_row (GtkListBox *list,
              const char *text,
              const char *detail)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *sub = gtk_label_new (detail);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "map-panel-text");
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}

static const char *
node_name (SamMapModel *model,
           const char  *id)
{
  const SamMapNode *node = sam_map_model_get_node (model, id);

  return node ? node->name : "";
}

/* Lists the beliefs @holder holds about @about; returns how many. */
static guint
add_belief_rows (SamMapPage *self,
                 GtkListBox *list,
                 const char *holder,
                 const char *about)
{
  SamMapModel *model = sam_map_loader_get_model (self->loader);
  g_autoptr(GPtrArray) beliefs = sam_map_model_list_beliefs (model, holder, about);

  for (guint i = 0; beliefs != NULL && i < beliefs->len; i++)
    {
      const SamMapBelief *b = g_ptr_array_index (beliefs, i);
      g_autofree char *source = sam_map_loader_describe_source (self->loader, b->id);
      /* TRANSLATORS: who believes what about whom, with how strongly and
       * where it was written, e.g. "Sales about IT · strength 4 of 5 · From “Us and them”" */
      g_autofree char *detail = g_strdup_printf (_("%s about %s · strength %u of 5 · %s"),
                                                 node_name (model, b->holder),
                                                 node_name (model, b->about),
                                                 b->strength, source ? source : "");

      add_info_row (list, b->text, detail);
    }

  return beliefs ? beliefs->len : 0;
}

static guint
add_link_rows (SamMapPage *self,
               GtkListBox *list,
               const char *node_a,
               const char *node_b)
{
  SamMapModel *model = sam_map_loader_get_model (self->loader);
  GPtrArray *links = sam_map_model_get_links (model);
  guint n = 0;

  for (guint i = 0; i < links->len; i++)
    {
      const SamMapLink *l = g_ptr_array_index (links, i);
      g_autofree char *text = NULL;
      g_autofree char *detail = NULL;

      if (!((g_strcmp0 (l->from, node_a) == 0 && (node_b == NULL || g_strcmp0 (l->to, node_b) == 0)) ||
            (g_strcmp0 (l->to, node_a) == 0 && (node_b == NULL || g_strcmp0 (l->from, node_b) == 0)) ||
            (node_b != NULL && g_strcmp0 (l->from, node_b) == 0 && g_strcmp0 (l->to, node_a) == 0)))
        continue;

      /* TRANSLATORS: a strength of one team that can help a challenge of another */
      text = g_strdup_printf (_("“%s” can help with “%s”"), l->strength, l->challenge);
      /* TRANSLATORS: e.g. "Strength of IT for Sales" */
      detail = g_strdup_printf (_("Strength of %s for %s"), node_name (model, l->from),
                                node_name (model, l->to));
      add_info_row (list, text, detail);
      n++;
    }

  return n;
}

void
_sam_map_page_show_node (SamMapPage       *self,
                         const SamMapNode *node)
{
  SamMapModel *model = sam_map_loader_get_model (self->loader);
  GPtrArray *relations = sam_map_model_get_relations (model);
  g_autofree char *summary = NULL;
  g_autofree char *people = NULL;
  g_autofree char *swatch = g_strdup_printf ("team-colour-%u", node->color % 8);
  const char *classes[] = { "team-swatch", swatch, NULL };
  guint n_relations = 0, n_beliefs = 0;

  for (guint i = 0; i < relations->len; i++)
    {
      const SamMapRelation *r = g_ptr_array_index (relations, i);

      if (g_str_equal (r->node_a, node->id) || g_str_equal (r->node_b, node->id))
        n_relations++;
    }

  gtk_label_set_text (self->node_title, node->name);
  gtk_widget_set_css_classes (self->node_swatch, classes);
  gtk_widget_set_visible (self->node_swatch, node->type == SAM_MAP_NODE_TEAM);
  if (node->people > 0)
    people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", node->people),
                              node->people);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s%s%u relation on the map.",
                                          "%s%s%u relations on the map.", n_relations),
                             people ? people : "", people ? " · " : "", n_relations);
  gtk_label_set_text (self->node_summary, summary);
  gtk_switch_set_active (self->pin_switch, node->pinned);

  clear_list (self->node_beliefs);
  n_beliefs += add_belief_rows (self, self->node_beliefs, node->id, NULL);
  n_beliefs += add_belief_rows (self, self->node_beliefs, NULL, node->id);
  n_beliefs += add_link_rows (self, self->node_beliefs, node->id, NULL);
  gtk_widget_set_visible (self->node_beliefs_heading, n_beliefs > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->node_beliefs), n_beliefs > 0);
  gtk_stack_set_visible_child_name (self->panel_stack, "node");
}

void
_sam_map_page_show_relation (SamMapPage           *self,
                             const SamMapRelation *relation)
{
  SamMapModel *model = sam_map_loader_get_model (self->loader);
  /* TRANSLATORS: the title of a relation between two teams, e.g. "Sales and IT" */
  g_autofree char *title = g_strdup_printf (_("%s and %s"), node_name (model, relation->node_a),
                                            node_name (model, relation->node_b));
  const char *note = sam_map_loader_get_note (self->loader, relation->id);
  guint n = 0;

  gtk_label_set_text (self->relation_title, title);
  gtk_drop_down_set_selected (self->quality_drop, MIN (relation->quality, SAM_MAP_QUALITY_MAX));
  gtk_drop_down_set_selected (self->tension_drop, relation->tension);

  /* The note being typed is the field's own; another relation's replaces it. */
  if (g_strcmp0 (self->note_relation_id, relation->id) != 0)
    {
      g_free (self->note_relation_id);
      self->note_relation_id = g_strdup (relation->id);
      sam_field_reset (GTK_WIDGET (self->note_view), note);
    }
  else
    sam_field_show_stored (GTK_WIDGET (self->note_view), note);

  clear_list (self->relation_beliefs);
  n += add_belief_rows (self, self->relation_beliefs, relation->node_a, relation->node_b);
  n += add_belief_rows (self, self->relation_beliefs, relation->node_b, relation->node_a);
  n += add_link_rows (self, self->relation_beliefs, relation->node_a, relation->node_b);
  gtk_widget_set_visible (self->relation_beliefs_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->relation_beliefs), n > 0);
  gtk_stack_set_visible_child_name (self->panel_stack, "relation");
}

void
_sam_map_page_show_detail (SamMapPage *self,
                           SamMapKind  kind,
                           const char *id)
{
  SamMapModel *model = sam_map_loader_get_model (self->loader);
  g_autofree char *source = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  if (kind == SAM_MAP_KIND_BELIEF)
    {
      const SamMapBelief *b = sam_map_model_get_belief (model, id);

      /* TRANSLATORS: heading of a belief, e.g. "What Sales believes about IT" */
      title = g_strdup_printf (_("What %s believes about %s"), node_name (model, b->holder),
                               node_name (model, b->about));
      text = g_strdup (b->text);
      source = sam_map_loader_describe_source (self->loader, id);
    }
  else
    {
      const SamMapLink *l = sam_map_model_get_link (model, id);

      title = g_strdup_printf (_("Strength of %s for %s"), node_name (model, l->from),
                               node_name (model, l->to));
      text = g_strdup_printf (_("“%s” can help with “%s”"), l->strength, l->challenge);
      source = g_strdup (_("Linked in the strengths and challenges exercise"));
    }

  gtk_label_set_text (self->detail_title, title);
  gtk_label_set_text (self->detail_text, text);
  gtk_label_set_text (self->detail_source, source ? source : "");
  gtk_stack_set_visible_child_name (self->panel_stack, "detail");
}

