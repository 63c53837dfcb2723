#ifndef DRAMATIS_CGTKSHIM_H
#define DRAMATIS_CGTKSHIM_H
#include <gtk/gtk.h>
#include <adwaita.h>
#include <glib-unix.h>

/* Casts, macro and variadic wrappers Swift cannot import. Keep this file thin:
 * no logic here, only what the Swift side cannot express. */

static inline GtkWidget *dr_widget(gpointer p) { return GTK_WIDGET(p); }
static inline GtkWindow *dr_window(gpointer p) { return GTK_WINDOW(p); }
static inline gboolean dr_true(void) { return TRUE; }
static inline gboolean dr_false(void) { return FALSE; }

/* G_TYPE_* / GDK_TYPE_* are macros around function calls. */
static inline GType dr_type_file_list(void) { return GDK_TYPE_FILE_LIST; }

/* g_object_set is variadic: one wrapper per value type. */
static inline void dr_object_set_string(gpointer obj, const char *prop, const char *value) {
    g_object_set(obj, prop, value, NULL);
}
static inline void dr_object_set_int(gpointer obj, const char *prop, int value) {
    g_object_set(obj, prop, value, NULL);
}
static inline void dr_object_set_bool(gpointer obj, const char *prop, gboolean value) {
    g_object_set(obj, prop, value, NULL);
}
static inline void dr_object_set_double(gpointer obj, const char *prop, double value) {
    g_object_set(obj, prop, value, NULL);
}
static inline void dr_object_set_rgba(gpointer obj, const char *prop, const GdkRGBA *value) {
    g_object_set(obj, prop, value, NULL);
}

/* gtk_accessible_update_property is variadic. */
static inline void dr_accessible_set_label(gpointer widget, const char *label) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
static inline void dr_accessible_set_description(gpointer widget, const char *text) {
    gtk_accessible_update_property(GTK_ACCESSIBLE(widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* libdispatch's hooks for feeding the main queue from a foreign run loop (GLib's). */
extern int _dispatch_get_main_queue_handle_4CF(void);
extern void _dispatch_main_queue_callback_4CF(void *msg);

#endif
