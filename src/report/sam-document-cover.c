/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "sam-page-layout-private.h"

/* The document's own words are in its language, which need not be the
 * UI's (sam_document_set_catalog()); a SamPageLayout *layout is in scope
 * wherever they are written. */
#undef _
#define _(msgid) sam_catalog_gettext (_sam_document_get_catalog (layout->document), (msgid))

/* The cover: a dark band with the subtitle and the title, then the date and
 * the coach, the teams with their colours, and the confidentiality line at
 * the foot of the page. */

#define BAND_MIN_HEIGHT 300.0

static void
add_rect (SamPageLayout *layout,
          double         x,
          double         y,
          double         width,
          double         height,
          double         radius,
          SamRgb         colour)
{
  SamOp op = { SAM_OP_RECT, x, y, width, height, radius, colour };

  _sam_page_layout_add_op (layout, 0, &op);
}

/* Puts every line of @box on the cover with its top at @y. */
static double
add_box (SamPageLayout *layout,
         SamTextBox    *box,
         double         x,
         double         y)
{
  for (guint i = 0; i < box->lines->len; i++)
    {
      SamOp op = { SAM_OP_LINE };

      op.x = x;
      op.y = y + g_array_index (box->lines, SamLine, i).baseline;
      op.box = box;
      op.line = i;
      _sam_page_layout_add_op (layout, 0, &op);
    }

  return box->height;
}

static double
add_labelled (SamPageLayout *layout,
              const char    *label,
              const char    *value,
              double         x,
              double         y,
              double         width)
{
  g_autofree char *upper = g_utf8_strup (label, -1);
  double height;

  height = add_box (layout, _sam_text_box_new (layout, SAM_STYLE_COVER_LABEL, upper, width), x, y);
  height += 6;
  height += add_box (layout, _sam_text_box_new (layout, SAM_STYLE_COVER_VALUE, value, width),
                     x, y + height);

  return height;
}

static void
layout_teams (SamPageLayout  *layout,
              const SamCover *cover,
              double          y)
{
  const double column_width = SAM_CONTENT_WIDTH / 2;
  /* Translators: heading of the list of teams on the report's cover */
  g_autofree char *upper = g_utf8_strup (_("Teams"), -1);
  guint n = cover->teams->len;
  guint per_column = (n + 1) / 2;

  y += add_box (layout, _sam_text_box_new (layout, SAM_STYLE_COVER_LABEL, upper, SAM_CONTENT_WIDTH),
                SAM_MARGIN_X, y);
  y += 10;

  for (guint i = 0; i < n; i++)
    {
      const SamCoverTeam *team = &g_array_index (cover->teams, SamCoverTeam, i);
      double x = SAM_MARGIN_X + (i / per_column) * column_width;
      double row_y = y + (i % per_column) * 24;
      SamTextBox *name = _sam_text_box_new (layout, SAM_STYLE_COVER_TEAM, team->name,
                                            column_width - 34);
      const SamLine *first = &g_array_index (name->lines, SamLine, 0);
      double centre = row_y + first->baseline - 11.0 * 0.36;

      add_rect (layout, x, centre - 6, 12, 12, 3, team->colour);
      add_box (layout, name, x + 22, row_y);
    }
}

void
_sam_page_layout_layout_cover (SamPageLayout *layout)
{
  const SamCover *cover = _sam_document_get_cover (layout->document);
  const char *title = _sam_document_get_title (layout->document);
  SamTextBox *kicker = NULL;
  SamTextBox *title_box;
  double band, y;

  title_box = _sam_text_box_new (layout, SAM_STYLE_COVER_TITLE, title, SAM_CONTENT_WIDTH);
  if (cover->subtitle != NULL && cover->subtitle[0] != '\0')
    {
      g_autofree char *upper = g_utf8_strup (cover->subtitle, -1);

      kicker = _sam_text_box_new (layout, SAM_STYLE_COVER_KICKER, upper, SAM_CONTENT_WIDTH);
    }

  band = 96 + (kicker ? kicker->height + 14 : 0) + title_box->height + 52;
  band = MAX (band, BAND_MIN_HEIGHT);
  add_rect (layout, 0, 0, SAM_PAGE_WIDTH, band, 0, _sam_rgb (SAM_COLOUR_COVER_BG));
  add_rect (layout, 0, band, SAM_PAGE_WIDTH, 5, 0, _sam_rgb (SAM_COLOUR_COVER_LINE));

  y = band - 52 - title_box->height;
  add_box (layout, title_box, SAM_MARGIN_X, y);
  if (kicker != NULL)
    {
      y -= 14 + kicker->height;
      add_box (layout, kicker, SAM_MARGIN_X, y);
    }
  add_rect (layout, SAM_MARGIN_X, y - 26, 36, 4, 0, _sam_rgb (SAM_COLOUR_COVER_LINE));

  y = band + 50;
  if (cover->date != NULL || cover->coach != NULL)
    {
      double height = 0;
      double x = SAM_MARGIN_X;

      /* Translators: "Date" and "Coach" label the workshop date and the
       * coach's name on the report's cover */
      if (cover->date != NULL)
        {
          height = add_labelled (layout, _("Date"), cover->date, x, y, SAM_CONTENT_WIDTH / 2 - 12);
          x += SAM_CONTENT_WIDTH / 2;
        }
      if (cover->coach != NULL)
        height = MAX (height, add_labelled (layout, _("Coach"), cover->coach, x, y,
                                            SAM_CONTENT_WIDTH / 2 - 12));
      y += height + 36;
    }

  if (cover->teams->len > 0)
    {
      add_rect (layout, SAM_MARGIN_X, y - 18, SAM_CONTENT_WIDTH, 0.5, 0, _sam_rgb (SAM_COLOUR_RULE));
      layout_teams (layout, cover, y);
    }

  if (cover->confidentiality != NULL && cover->confidentiality[0] != '\0')
    {
      SamTextBox *note = _sam_text_box_new (layout, SAM_STYLE_COVER_NOTE, cover->confidentiality,
                                            SAM_CONTENT_WIDTH * 0.8);

      add_box (layout, note, SAM_MARGIN_X, SAM_CONTENT_BOTTOM - note->height);
    }
}
