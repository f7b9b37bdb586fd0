/* fz-workspace.c: the open documents, the dates set by hand, and the GObject around them. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fz-document-date.h"
#include "fz-error.h"
#include "fz-workspace-private.h"

G_DEFINE_FINAL_TYPE (FzWorkspace, fz_workspace, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PIPELINE,
  PROP_LOADING,
  PROP_COMPUTING,
  PROP_N_DOCUMENTS,
  PROP_DECISIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _fz_workspace_signals[FZ_WORKSPACE_N_SIGNALS];

/* ---------------------------------------------------------------- helpers */

/* Documents are known by path; one made from memory by its name. */
char *
_fz_workspace_document_key (FzDocument *document)
{
  GFile *file = fz_document_get_file (document);

  return file != NULL ? g_file_get_path (file) : g_strdup (fz_document_get_name (document));
}

const char *
_fz_workspace_document_checksum (FzDocument *document)
{
  const char *checksum = g_object_get_data (G_OBJECT (document), "fz-text-checksum");

  if (checksum == NULL)
    {
      checksum = fz_decisions_text_checksum (document);
      g_object_set_data_full (G_OBJECT (document), "fz-text-checksum", (gpointer) checksum,
                              g_free);
    }
  return checksum;
}

void
_fz_workspace_set_loading (FzWorkspace *self,
                           int          delta)
{
  gboolean was = self->n_loading > 0;

  self->n_loading += delta;
  if (was != (self->n_loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  if (was && self->n_loading == 0)
    _fz_workspace_loading_over (self);
}

/* ---------------------------------------------------------------- GObject */

static void
fz_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FzWorkspace *self = FZ_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      g_value_set_pointer (value, self->pipeline);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, fz_workspace_get_loading (self));
      break;
    case PROP_COMPUTING:
      g_value_set_boolean (value, self->computing);
      break;
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->documents)));
      break;
    case PROP_DECISIONS:
      g_value_set_object (value, self->decisions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fz_workspace_dispose (GObject *object)
{
  FzWorkspace *self = FZ_WORKSPACE (object);

  _fz_workspace_save_dispose (self);
  _fz_workspace_index_dispose (self);
  if (self->decisions != NULL)
    g_signal_handlers_disconnect_by_data (self->decisions, self);
  g_clear_object (&self->decisions);
  _fz_workspace_load_dispose (self);
  G_OBJECT_CLASS (fz_workspace_parent_class)->dispose (object);
}

static void
fz_workspace_finalize (GObject *object)
{
  FzWorkspace *self = FZ_WORKSPACE (object);

  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_pointer (&self->pipeline, fz_pipeline_unref);
  g_clear_object (&self->documents);
  g_clear_pointer (&self->dates, g_hash_table_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  _fz_workspace_load_finalize (self);
  G_OBJECT_CLASS (fz_workspace_parent_class)->finalize (object);
}

static void
fz_workspace_class_init (FzWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = fz_workspace_get_property;
  object_class->dispose = fz_workspace_dispose;
  object_class->finalize = fz_workspace_finalize;

  properties[PROP_PIPELINE] = g_param_spec_pointer ("pipeline", NULL, NULL, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_COMPUTING] = g_param_spec_boolean ("computing", NULL, NULL, FALSE, ro);
  properties[PROP_N_DOCUMENTS] = g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0,
                                                    ro);
  properties[PROP_DECISIONS] = g_param_spec_object ("decisions", NULL, NULL, FZ_TYPE_DECISIONS,
                                                    ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _fz_workspace_signals[FZ_WORKSPACE_SIGNAL_LOAD_PROGRESS] =
    g_signal_new ("load-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  _fz_workspace_signals[FZ_WORKSPACE_SIGNAL_DOCUMENT_CHANGED] =
    g_signal_new ("document-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, FZ_TYPE_DOCUMENT);
  _fz_workspace_signals[FZ_WORKSPACE_SIGNAL_INDEX_CHANGED] =
    g_signal_new ("index-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
documents_changed (FzWorkspace *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DOCUMENTS]);
  _fz_workspace_changed (self);
}

void
_fz_workspace_set_decisions (FzWorkspace *self,
                             FzDecisions *decisions)
{
  if (self->decisions == decisions)
    return;
  if (self->decisions != NULL)
    g_signal_handlers_disconnect_by_data (self->decisions, self);
  g_set_object (&self->decisions, decisions);
  g_signal_connect_swapped (decisions, "changed", G_CALLBACK (_fz_workspace_changed), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISIONS]);
  _fz_workspace_changed (self);
}

static void
fz_workspace_init (FzWorkspace *self)
{
  self->documents = g_list_store_new (FZ_TYPE_DOCUMENT);
  self->dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  _fz_workspace_load_init (self);
  g_signal_connect_swapped (self->documents, "items-changed", G_CALLBACK (documents_changed),
                            self);
  _fz_workspace_index_init (self);
  {
    g_autoptr(FzDecisions) decisions = fz_decisions_new ();

    _fz_workspace_set_decisions (self, decisions);
  }
}

void
_fz_workspace_notify_computing (FzWorkspace *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTING]);
}

/* ---------------------------------------------------------------- public API */

FzWorkspace *
fz_workspace_new (void)
{
  return g_object_new (FZ_TYPE_WORKSPACE, NULL);
}

FzPipeline *
fz_workspace_get_pipeline (FzWorkspace *self)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), NULL);
  return self->pipeline;
}

void
fz_workspace_set_pipeline (FzWorkspace *self,
                           FzPipeline  *pipeline)
{
  g_autoptr(GPtrArray) waiting = NULL;

  g_return_if_fail (FZ_IS_WORKSPACE (self));
  g_return_if_fail (pipeline != NULL);
  g_return_if_fail (self->pipeline == NULL);

  self->pipeline = fz_pipeline_ref (pipeline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    _fz_workspace_start_load (self, g_object_ref (waiting->pdata[i]));
  _fz_workspace_index_schedule (self);
}

GListModel *
fz_workspace_get_documents (FzWorkspace *self)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->documents);
}

FzDocument *
fz_workspace_lookup_document (FzWorkspace *self,
                              const char  *path)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_hash_table_lookup (self->by_key, path);
}

void
fz_workspace_load_async (FzWorkspace          *self,
                         GFile               **files,
                         guint                 n_files,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (FZ_IS_WORKSPACE (self));
  g_return_if_fail (files != NULL || n_files == 0);

  task = _fz_workspace_load_task_new (self, files, n_files, cancellable, callback, user_data);
  g_task_set_source_tag (task, fz_workspace_load_async);
  _fz_workspace_set_loading (self, +1);
  if (self->pipeline == NULL)
    g_ptr_array_add (self->waiting, task);
  else
    _fz_workspace_start_load (self, task);
}

gboolean
fz_workspace_load_finish (FzWorkspace   *self,
                          GAsyncResult  *result,
                          GPtrArray    **errors,
                          GError       **error)
{
  g_autoptr(GPtrArray) errs = NULL;

  g_return_val_if_fail (FZ_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (errors != NULL)
    *errors = NULL;
  errs = g_task_propagate_pointer (G_TASK (result), error);
  if (errs == NULL)
    return FALSE;
  if (errors != NULL)
    *errors = g_steal_pointer (&errs);
  return TRUE;
}

gboolean
fz_workspace_get_loading (FzWorkspace *self)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), FALSE);
  return self->n_loading > 0;
}

/* The documents not open yet, added to the list in one step; a page already open is not
 * opened twice. */
GPtrArray *
_fz_workspace_add_fresh (FzWorkspace  *self,
                         FzDocument  **documents,
                         guint         n_documents)
{
  GPtrArray *fresh = g_ptr_array_new ();

  for (guint i = 0; i < n_documents; i++)
    {
      char *key = _fz_workspace_document_key (documents[i]);

      if (g_hash_table_contains (self->by_key, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_insert (self->by_key, key, documents[i]);
      g_ptr_array_add (fresh, documents[i]);
    }
  g_list_store_splice (self->documents, g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                       0, fresh->pdata, fresh->len);
  return fresh;
}

/* One whose date the analyst set is read again with it. */
void
fz_workspace_add_documents (FzWorkspace  *self,
                            FzDocument  **documents,
                            guint         n_documents)
{
  g_autoptr(GPtrArray) fresh = NULL;

  g_return_if_fail (FZ_IS_WORKSPACE (self));

  fresh = _fz_workspace_add_fresh (self, documents, n_documents);
  for (guint i = 0; i < fresh->len; i++)
    {
      g_autofree char *key = _fz_workspace_document_key (fresh->pdata[i]);
      const char *date = g_hash_table_lookup (self->dates, key);

      if (date != NULL && g_strcmp0 (date, fz_document_get_date (fresh->pdata[i])) != 0)
        fz_workspace_set_document_date (self, fresh->pdata[i], date, NULL);
    }
}

void
fz_workspace_insert_document (FzWorkspace *self,
                              guint        position,
                              FzDocument  *document)
{
  g_return_if_fail (FZ_IS_WORKSPACE (self));
  g_return_if_fail (FZ_IS_DOCUMENT (document));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->documents)));
  g_hash_table_insert (self->by_key, _fz_workspace_document_key (document), document);
  g_list_store_insert (self->documents, position, document);
}

int
fz_workspace_remove_document (FzWorkspace *self,
                              FzDocument  *document)
{
  guint position;

  g_return_val_if_fail (FZ_IS_WORKSPACE (self), -1);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), -1);

  if (!g_list_store_find (self->documents, document, &position))
    return -1;
  {
    g_autofree char *key = _fz_workspace_document_key (document);

    g_hash_table_remove (self->by_key, key);
  }
  g_list_store_remove (self->documents, position);
  return (int) position;
}

/* ---------------------------------------------------------------- dates */

typedef struct
{
  FzPipeline *pipeline;
  FzDocument *document;
  char       *date;
} Redate;

static void
redate_free (Redate *r)
{
  fz_pipeline_unref (r->pipeline);
  g_object_unref (r->document);
  g_free (r->date);
  g_free (r);
}

static void
redate_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Redate *r = data;

  g_task_return_pointer (task, fz_pipeline_run_apart (r->pipeline, r->document, r->date),
                         (GDestroyNotify) fz_analysis_free);
}

static void
redate_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FzWorkspace *self = FZ_WORKSPACE (object);
  Redate *r = g_task_get_task_data (G_TASK (result));
  g_autoptr(FzAnalysis) analysis = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(FzFigureList) old = NULL;

  if (analysis == NULL)
    return;
  /* Views may still point into the old figures until they hear of the change. */
  old = fz_document_get_figures (r->document);
  if (old != NULL)
    fz_figure_list_ref (old);
  fz_analysis_apply (analysis, r->document, r->date);
  g_signal_emit (self, _fz_workspace_signals[FZ_WORKSPACE_SIGNAL_DOCUMENT_CHANGED], 0,
                 r->document);
  _fz_workspace_index_schedule (self);
}

gboolean
fz_workspace_set_document_date (FzWorkspace  *self,
                                FzDocument   *document,
                                const char   *iso_date,
                                GError      **error)
{
  g_autoptr(GTask) task = NULL;
  /* @iso_date may be the table's own string, which the insert below frees. */
  g_autofree char *date = g_strdup (iso_date);
  GDate parsed;
  Redate *r;

  g_return_val_if_fail (FZ_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), FALSE);

  if (date != NULL && !fz_doc_date_parse (date, -1, &parsed))
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_INVALID, _("“%s” is not a date"), date);
      return FALSE;
    }
  if (self->pipeline == NULL)
    {
      g_set_error (error, FZ_ERROR, FZ_ERROR_FAILED,
                   _("The figures cannot be read again: the gazetteer and indicators are not "
                     "loaded"));
      return FALSE;
    }
  if (date != NULL)
    g_hash_table_insert (self->dates, _fz_workspace_document_key (document), g_strdup (date));
  else
    {
      g_autofree char *key = _fz_workspace_document_key (document);

      g_hash_table_remove (self->dates, key);
    }

  _fz_workspace_changed (self);
  r = g_new0 (Redate, 1);
  r->pipeline = fz_pipeline_ref (self->pipeline);
  r->document = g_object_ref (document);
  r->date = g_strdup (date);
  task = g_task_new (self, NULL, redate_done, NULL);
  g_task_set_source_tag (task, fz_workspace_set_document_date);
  g_task_set_task_data (task, r, (GDestroyNotify) redate_free);
  g_task_run_in_thread (task, redate_in_thread);
  return TRUE;
}

const char *
fz_workspace_get_document_date (FzWorkspace *self,
                                FzDocument  *document)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (FZ_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);

  key = _fz_workspace_document_key (document);
  return g_hash_table_lookup (self->dates, key);
}

FzDecisions *
fz_workspace_get_decisions (FzWorkspace *self)
{
  g_return_val_if_fail (FZ_IS_WORKSPACE (self), NULL);
  return self->decisions;
}

FzFigureList *
fz_workspace_dup_figures (FzWorkspace *self,
                          FzDocument  *document)
{
  g_autofree char *key = NULL;
  FzFigureList *figures;

  g_return_val_if_fail (FZ_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (FZ_IS_DOCUMENT (document), NULL);

  key = _fz_workspace_document_key (document);
  if (fz_decisions_has_document (self->decisions, key))
    return fz_decisions_apply (self->decisions, document, NULL);
  figures = fz_document_get_figures (document);
  return figures != NULL ? fz_figure_list_ref (figures) : NULL;
}
