/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sam-compat.h"

static const char *developers[] = { "Samenspel developers", NULL };

/**
 * sam_compat_show_about:
 * @parent: the window to show it over
 * @application_id: the icon and ID to show
 * @version: the version to show
 *
 * Shows the About window: AdwAboutDialog where libadwaita has it (1.5),
 * AdwAboutWindow otherwise.
 */
void
sam_compat_show_about (GtkWindow  *parent,
                       const char *application_id,
                       const char *version)
{
  /* Translators: shown in the About window; the method's licence asks to
   * name its author and licence. */
  const char *method = _("Samenspel follows the C²RM workshop method of A-Switch, "
                         "used under the Creative Commons Attribution 4.0 licence (CC BY 4.0).");

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();

  adw_about_dialog_set_application_name (ADW_ABOUT_DIALOG (about), _("Samenspel"));
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (about), application_id);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (about), version);
  adw_about_dialog_set_developer_name (ADW_ABOUT_DIALOG (about), _("Samenspel developers"));
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (about), developers);
  adw_about_dialog_set_license_type (ADW_ABOUT_DIALOG (about), GTK_LICENSE_GPL_3_0);
  adw_about_dialog_set_website (ADW_ABOUT_DIALOG (about), "https://github.com/samenspel/samenspel");
  adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (about), method);
  adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (about), _("Workshop method"),
                                      "© A-Switch", GTK_LICENSE_CUSTOM,
                                      _("The C²RM method is licensed under CC BY 4.0: "
                                        "https://creativecommons.org/licenses/by/4.0/"));
  /* Translators: replace with your names, one per line */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (about), _("translator-credits"));
  adw_dialog_present (about, GTK_WIDGET (parent));
#else
  GtkWidget *about = adw_about_window_new ();

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Samenspel"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), application_id);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), version);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("Samenspel developers"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), "https://github.com/samenspel/samenspel");
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about), method);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Workshop method"),
                                      "© A-Switch", GTK_LICENSE_CUSTOM,
                                      _("The C²RM method is licensed under CC BY 4.0: "
                                        "https://creativecommons.org/licenses/by/4.0/"));
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
#endif
}
