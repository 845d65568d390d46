/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sam-window.h"

G_BEGIN_DECLS

void sam_reveal_add_window_actions (SamWindow *window);

G_END_DECLS
