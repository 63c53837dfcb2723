#ifndef DRAMATIS_CGTKSHIM_H
#define DRAMATIS_CGTKSHIM_H
#include <gtk/gtk.h>
#include <adwaita.h>
#include <glib-unix.h>

/* Casts and macro wrappers Swift cannot import. Keep this file thin. */
static inline GtkWidget *dr_widget(gpointer p) { return GTK_WIDGET(p); }
static inline GtkWindow *dr_window(gpointer p) { return GTK_WINDOW(p); }
static inline gboolean dr_true(void) { return TRUE; }
static inline gboolean dr_false(void) { return FALSE; }
#endif
