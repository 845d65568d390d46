/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SamStore    SamStore;
typedef struct _SamWorkshop SamWorkshop;
typedef struct _SamTeam     SamTeam;

G_END_DECLS
