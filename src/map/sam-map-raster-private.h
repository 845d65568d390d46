/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-map-raster.h"

G_BEGIN_DECLS

/* What sam-map-raster.c records and sam-map-raster-draw.c draws. */

/* Rows per band: 48 rows of a 1920-pixel image are 360 KiB, which stay in
 * a core's level-2 cache while every line and image crossing the band is
 * drawn into it (measured: 16 to 64 rows, 48 and 64 fastest). */
#define SAM_MAP_RASTER_BAND_ROWS 48

typedef enum
{
  SAM_MAP_RASTER_FILL,
  SAM_MAP_RASTER_LINE,
  SAM_MAP_RASTER_ZIGZAG,
  SAM_MAP_RASTER_BLIT,
  SAM_MAP_RASTER_TRIANGLE,
} SamMapRasterOpKind;

/* A line, worked out once, walked along its major axis (x for a flat line,
 * y for a steep one) one pixel column (row) at a time.  Positions are 16.16
 * fixed point, so a band computes exactly the pixels the whole walk would.
 * Kept small: a frame records thousands. */
typedef struct
{
  gint64   centre0;      /* minor-axis centre at @from */
  gint32   dcentre;      /* its change per step (|slope| ≤ 1) */
  gint32   half;         /* half the span across the minor axis */
  gint32   pos0;         /* dash: position in the pattern at @from */
  gint32   dpos;
  gint32   on;
  gint32   period;       /* 0: solid */
  gint32   from, to;     /* major-axis range, clipped to the picture */
  gboolean x_major;
} SamMapRasterLine;

typedef struct
{
  guint16 x;
  guint16 len;
  guint16 opaque;
} SamMapRasterRun;

/* Where a sprite's pixels are transparent, opaque or in between, row by
 * row, so a blit skips the first, copies the second and mixes the third. */
typedef struct
{
  guint           *row_start;   /* height + 1 offsets into runs */
  SamMapRasterRun *runs;
} SamMapRasterRuns;

typedef struct
{
  SamMapRasterOpKind kind;
  gint32             ylo, yhi;   /* rows touched, clipped */
  guint32            color;      /* premultiplied ARGB */
  union
  {
    SamMapRasterLine line;
    struct
    {
      double ax, ay, bx, by;     /* pixels */
      float  amplitude;
      float  width;
      guint  teeth;
    } zigzag;
    struct
    {
      float x[3], y[3];          /* pixels */
    } triangle;
    struct
    {
      const guint8           *data;
      const SamMapRasterRuns *runs;
      gint32                  stride;
      gint32                  x, y, w, h;
    } blit;
  };
} SamMapRasterOp;

gboolean _sam_map_raster_line_init (SamMapRasterLine   *line,
                                    const SamMapRaster *clip,
                                    double              ax,
                                    double              ay,
                                    double              bx,
                                    double              by,
                                    double              width,
                                    double              dash_on,
                                    double              dash_period,
                                    double              dash_start,
                                    double             *ylo,
                                    double             *yhi);
void     _sam_map_raster_draw_op   (const SamMapRaster   *band,
                                    const SamMapRaster   *whole,
                                    const SamMapRasterOp *op);

G_END_DECLS
