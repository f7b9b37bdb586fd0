/* fz-page-view.c: a PDF page drawn by poppler at the width of the view, the selected span
 * boxed over it, a click turned back into the figure under it. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fanzha"

#include "config.h"

#include "fz-page-view.h"

#include <glib/gi18n.h>

struct _FzPageView
{
  GtkWidget   parent_instance;

  FzDocument *document;
  FzPageMap  *map;
  guint       page;
  guint       start;       /* the boxed span */
  guint       end;
  GdkTexture *texture;     /* the page rendered at texture_width device pixels */
  int         texture_width;
  guint       texture_page;
};

G_DEFINE_FINAL_TYPE (FzPageView, fz_page_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  N_PROPS
};

enum {
  SPAN_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------ Auxiliary */

static double
page_scale (FzPageView *self,
            int         width,
            double     *page_w,
            double     *page_h)
{
  if (self->map == NULL ||
      !fz_page_map_get_page_size (self->map, self->page, page_w, page_h) || *page_w <= 0)
    return 0;
  return width / *page_w;
}

static void
drop_texture (FzPageView *self)
{
  g_clear_object (&self->texture);
}

/* Poppler draws the page once per page and width; boxes and scrolling reuse the picture. */
static GdkTexture *
page_texture (FzPageView *self,
              int         width,
              int         height,
              double      scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->texture != NULL && self->texture_width == width * sf &&
      self->texture_page == self->page)
    return self->texture;
  drop_texture (self);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * sf, height * sf);
  cr = cairo_create (surface);
  fz_page_map_render (self->map, self->page, cr, scale * sf);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height * sf);
  self->texture = gdk_memory_texture_new (width * sf, height * sf, GDK_MEMORY_DEFAULT, bytes,
                                          cairo_image_surface_get_stride (surface));
  self->texture_width = width * sf;
  self->texture_page = self->page;
  cairo_surface_destroy (surface);
  return self->texture;
}

static void
snapshot_boxes (FzPageView  *self,
                GtkSnapshot *snapshot,
                double       scale)
{
  static const GdkRGBA fill = { 0.21, 0.52, 0.89, 0.22 };
  static const GdkRGBA line = { 0.11, 0.44, 0.85, 1.0 };
  const GdkRGBA lines[4] = { line, line, line, line };
  const float widths[4] = { 2, 2, 2, 2 };
  g_autoptr(GArray) rects = NULL;

  if (self->start >= self->end)
    return;
  rects = fz_page_map_span_rects (self->map, self->start, self->end, self->page);
  for (guint i = 0; i < rects->len; i++)
    {
      const PopplerRectangle *r = &g_array_index (rects, PopplerRectangle, i);
      GskRoundedRect box;
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (r->x1 * scale - 3, r->y1 * scale - 2,
                                                   (r->x2 - r->x1) * scale + 6,
                                                   (r->y2 - r->y1) * scale + 4);

      gtk_snapshot_append_color (snapshot, &fill, &bounds);
      gsk_rounded_rect_init_from_rect (&box, &bounds, 2);
      gtk_snapshot_append_border (snapshot, &box, widths, lines);
    }
}

static void
snapshot_note (FzPageView  *self,
               GtkSnapshot *snapshot)
{
  g_autoptr(PangoLayout) layout =
    gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                    _("No printed page: only PDFs are shown as printed"));
  GdkRGBA grey = { 0.5, 0.5, 0.5, 1 };

  pango_layout_set_width (layout, gtk_widget_get_width (GTK_WIDGET (self)) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, 24));
  gtk_snapshot_append_layout (snapshot, layout, &grey);
  gtk_snapshot_restore (snapshot);
}

/* In a scrolled window, the first box of the span comes into sight (a third from the top). */
static void
reveal_span (FzPageView *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  double w, h, scale = page_scale (self, gtk_widget_get_width (GTK_WIDGET (self)), &w, &h);
  g_autoptr(GArray) rects = NULL;
  GtkAdjustment *adj;
  graphene_point_t top;
  double y1, y2;

  if (scrolled == NULL || scale <= 0 || self->start >= self->end)
    return;
  rects = fz_page_map_span_rects (self->map, self->start, self->end, self->page);
  if (rects->len == 0 ||
      !gtk_widget_compute_point (GTK_WIDGET (self), scrolled, &GRAPHENE_POINT_INIT (0, 0), &top))
    return;
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  y1 = g_array_index (rects, PopplerRectangle, 0).y1 * scale;
  y2 = g_array_index (rects, PopplerRectangle, 0).y2 * scale;
  /* @top is where the view's origin shows; the box is in sight between 0 and the page size */
  if (top.y + y1 < 0 || top.y + y2 > gtk_adjustment_get_page_size (adj))
    gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + top.y + y1 -
                                   gtk_adjustment_get_page_size (adj) / 3);
}

/* A screen reader hears which page is shown. */
static void
update_label (FzPageView *self)
{
  guint n = fz_page_view_get_n_pages (self);
  g_autofree char *label = NULL;

  if (n > 0)
    label = g_strdup_printf (_("Printed page %u of %u"), self->page + 1, n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label ? label : _("No printed page"), -1);
}

/* ------------------------------------------------------------ Callbacks */

static guint
figure_at (FzPageView *self,
           guint       offset,
           guint      *end)
{
  FzFigureList *figures = fz_document_get_figures (self->document);

  for (guint i = 0; figures && i < fz_figure_list_get_n (figures); i++)
    {
      const FzFigure *f = fz_figure_list_get (figures, i);

      if (f->start <= offset && offset < f->end)
        {
          *end = f->end;
          return f->start;
        }
    }
  return G_MAXUINT;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            FzPageView      *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  fz_page_view_activate_at (self, x, y);
}

static void
turn_page (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  FzPageView *self = FZ_PAGE_VIEW (widget);
  guint n = fz_page_view_get_n_pages (self);

  if (g_str_equal (action_name, "page.next") && self->page + 1 < n)
    fz_page_view_set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "page.previous") && self->page > 0)
    fz_page_view_set_page (self, self->page - 1);
}

/* ---------------------------------------------------- GtkWidget overrides */

static void
fz_page_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  FzPageView *self = FZ_PAGE_VIEW (widget);
  double w = 595, h = 842;

  if (self->map != NULL)
    fz_page_map_get_page_size (self->map, self->page, &w, &h);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = (int) w;
    }
  else
    {
      int width = for_size > 0 ? for_size : (int) w;

      *minimum = *natural = self->map ? (int) (h * width / w) : 80;
    }
}

static GtkSizeRequestMode
fz_page_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
fz_page_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  FzPageView *self = FZ_PAGE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  double w, h, scale = page_scale (self, width, &w, &h);
  int height;

  if (scale <= 0)
    {
      snapshot_note (self, snapshot);
      return;
    }
  height = (int) (h * scale + 0.5);
  gtk_snapshot_append_texture (snapshot, page_texture (self, width, height, scale),
                               &GRAPHENE_RECT_INIT (0, 0, width, height));
  snapshot_boxes (self, snapshot, scale);
}

/* ------------------------------------------------------ GObject overrides */

static void
fz_page_view_dispose (GObject *object)
{
  FzPageView *self = FZ_PAGE_VIEW (object);

  drop_texture (self);
  g_clear_object (&self->map);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (fz_page_view_parent_class)->dispose (object);
}

static void
fz_page_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FzPageView *self = FZ_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_page_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FzPageView *self = FZ_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      fz_page_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      fz_page_view_set_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_page_view_class_init (FzPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fz_page_view_dispose;
  object_class->get_property = fz_page_view_get_property;
  object_class->set_property = fz_page_view_set_property;
  widget_class->measure = fz_page_view_measure;
  widget_class->get_request_mode = fz_page_view_get_request_mode;
  widget_class->snapshot = fz_page_view_snapshot;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, FZ_TYPE_DOCUMENT, rw);
  properties[PROP_PAGE] = g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SPAN_ACTIVATED] =
    g_signal_new ("span-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "page.next", NULL, turn_page);
  gtk_widget_class_install_action (widget_class, "page.previous", NULL, turn_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "page.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "page.previous",
                                       NULL);
  gtk_widget_class_set_css_name (widget_class, "fz-page-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fz_page_view_init (FzPageView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  update_label (self);
}

/* ------------------------------------------------------------ Public API */

GtkWidget *
fz_page_view_new (void)
{
  return g_object_new (FZ_TYPE_PAGE_VIEW, NULL);
}

void
fz_page_view_set_document (FzPageView *self,
                           FzDocument *document)
{
  g_return_if_fail (FZ_IS_PAGE_VIEW (self));
  g_return_if_fail (document == NULL || FZ_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  g_clear_object (&self->map);
  if (document != NULL && fz_document_get_page_map (document) != NULL)
    self->map = g_object_ref (fz_document_get_page_map (document));
  drop_texture (self);
  self->page = 0;
  self->start = self->end = 0;
  update_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

void
fz_page_view_select_span (FzPageView *self,
                          guint       start,
                          guint       end)
{
  int page;

  g_return_if_fail (FZ_IS_PAGE_VIEW (self));

  self->start = start;
  self->end = MAX (start, end);
  if (self->map != NULL && (page = fz_page_map_find_page (self->map, start, end)) >= 0)
    fz_page_view_set_page (self, page);
  reveal_span (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
fz_page_view_activate_at (FzPageView *self,
                          double      x,
                          double      y)
{
  double w, h, scale;
  gint64 offset;
  guint start, end = 0;

  g_return_val_if_fail (FZ_IS_PAGE_VIEW (self), FALSE);

  scale = page_scale (self, gtk_widget_get_width (GTK_WIDGET (self)), &w, &h);
  if (scale <= 0)
    return FALSE;
  offset = fz_page_map_hit (self->map, self->page, x / scale, y / scale);
  if (offset < 0 || (start = figure_at (self, offset, &end)) == G_MAXUINT)
    return FALSE;
  fz_page_view_select_span (self, start, end);
  g_signal_emit (self, signals[SPAN_ACTIVATED], 0, start, end);
  return TRUE;
}

guint
fz_page_view_get_n_pages (FzPageView *self)
{
  g_return_val_if_fail (FZ_IS_PAGE_VIEW (self), 0);

  return self->map ? fz_page_map_get_n_pages (self->map) : 0;
}

guint
fz_page_view_get_page (FzPageView *self)
{
  g_return_val_if_fail (FZ_IS_PAGE_VIEW (self), 0);

  return self->page;
}

void
fz_page_view_set_page (FzPageView *self,
                       guint       page)
{
  g_return_if_fail (FZ_IS_PAGE_VIEW (self));

  if (page == self->page || page >= fz_page_view_get_n_pages (self))
    return;
  self->page = page;
  update_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}
