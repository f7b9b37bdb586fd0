/* fz-gazetteer.h: the administrative divisions of China, their hierarchy and a one-pass name
 * scan. */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FZ_GAZETTEER_NONE G_MAXUINT32

typedef enum
{
  FZ_PLACE_DIVISION,   /* an administrative division with its own code */
  FZ_PLACE_ZONE,       /* a development zone or new area inside a division */
  FZ_PLACE_GENERIC     /* a common noun for a zone (开发区): a place only in context */
} FzPlaceType;

/* One place name found by fz_gazetteer_scan(); offsets are code points, end
 * exclusive. `ids` are the divisions the name can stand for; `is_short[i]`
 * says whether the text wrote a generated short form of ids[i] (湖州 for 湖州市). */
typedef struct
{
  guint32        start;
  guint32        end;
  const char    *name;
  const guint32 *ids;
  const guint8  *is_short;
  guint          n_ids;
  gboolean       is_generic;
} FzPlaceMention;

typedef void (*FzGazetteerScanFunc) (const FzPlaceMention *mention,
                                     gpointer              user_data);

typedef struct _FzGazetteer FzGazetteer;

FzGazetteer   *fz_gazetteer_new_from_file        (const char           *path,
                                                  GError              **error);
FzGazetteer   *fz_gazetteer_new_from_data        (const char           *data,
                                                  gssize                len,
                                                  GError              **error);
/* The gazetteer of @path with the aliases of each file of @aliases that exists added; read
 * from the image at @image when the same code made it from the same files, else built and
 * written there for the next run. @aliases and @image may be NULL. */
FzGazetteer   *fz_gazetteer_new_cached           (const char           *path,
                                                  const char * const   *aliases,
                                                  const char           *image,
                                                  GError              **error);
FzGazetteer   *fz_gazetteer_ref                  (FzGazetteer          *self);
void           fz_gazetteer_unref                (FzGazetteer          *self);
gboolean       fz_gazetteer_add_aliases_from_file (FzGazetteer         *self,
                                                  const char           *path,
                                                  GError              **error);
gboolean       fz_gazetteer_add_aliases_from_data (FzGazetteer         *self,
                                                  const char           *data,
                                                  gssize                len,
                                                  const char           *origin,
                                                  GError              **error);

guint          fz_gazetteer_get_n                (FzGazetteer          *self);
gint64         fz_gazetteer_get_code             (FzGazetteer          *self,
                                                  guint32               id);
gint64         fz_gazetteer_get_nearest_code     (FzGazetteer          *self,
                                                  guint32               id);
guint32        fz_gazetteer_get_parent           (FzGazetteer          *self,
                                                  guint32               id);
guint          fz_gazetteer_get_level            (FzGazetteer          *self,
                                                  guint32               id);
FzPlaceType    fz_gazetteer_get_place_type       (FzGazetteer          *self,
                                                  guint32               id);
const char    *fz_gazetteer_get_name             (FzGazetteer          *self,
                                                  guint32               id);
char          *fz_gazetteer_dup_full_name        (FzGazetteer          *self,
                                                  guint32               id);
guint32        fz_gazetteer_rollup               (FzGazetteer          *self,
                                                  guint32               id,
                                                  guint                 level);
gboolean       fz_gazetteer_is_within            (FzGazetteer          *self,
                                                  guint32               id,
                                                  guint32               ancestor);
guint32        fz_gazetteer_common_ancestor      (FzGazetteer          *self,
                                                  guint32               a,
                                                  guint32               b);
guint32        fz_gazetteer_lookup_code          (FzGazetteer          *self,
                                                  gint64                code);
guint          fz_gazetteer_lookup_name          (FzGazetteer          *self,
                                                  const char           *name,
                                                  guint32              *ids,
                                                  guint                 max_ids);
void           fz_gazetteer_scan                 (FzGazetteer          *self,
                                                  const char           *text,
                                                  gssize                len,
                                                  FzGazetteerScanFunc   func,
                                                  gpointer              user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FzGazetteer, fz_gazetteer_unref)

G_END_DECLS
