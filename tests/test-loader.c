/* test-loader.c: batch loading of a folder with bad files among good ones. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fz-error.h"
#include "fz-loader.h"
#include "fz-worker.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#endif

#define PAGE "平安建设工作会议召开\n\n本报记者 张三\n\n本报讯 今年以来，全市破获电信网络诈骗案件120起，同比下降15%。\n"

static char *root;

static char *
path_in (const char *name)
{
  return g_build_filename (root, name, NULL);
}

static void
write_file (const char   *name,
            const void   *data,
            gsize         len)
{
  g_autofree char *path = path_in (name);

  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

typedef struct
{
  const char *needle;     /* a part of the path that the error line must name */
  guint       hits;
} Expect;

/* Builds the test folder; returns the inputs to give the loader. */
static GPtrArray *
make_tree (GPtrArray *expect)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                'I', 'H' };
  static const guint8 junk[] = { 0x80, 0xFF, 0x80, 0x80, 0xFF, 0xFF, 0x80, 0xFF, 0x80, 0x80,
                                 0xFF, 0x80, 0xFF, 0xFF, 0x80, 0x80, 0xFF, 0x80, 0x80, 0xFF };
  GPtrArray *inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sub = path_in ("sub");
  g_autofree char *big = path_in ("big.txt");
  g_autofree char *fifo = path_in ("fifo.txt");
  g_autofree char *loop = g_build_filename (root, "sub", "loop", NULL);
  g_autofree char *gone = path_in ("gone.txt");
  g_autofree char *gb = NULL;
  gsize gb_len = 0;
  int fd;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  write_file ("good1.txt", PAGE, strlen (PAGE));
  gb = g_convert (PAGE, -1, "GB18030", "UTF-8", NULL, &gb_len, NULL);
  write_file ("good2.txt", gb, gb_len);
  write_file ("sub/good3.txt", PAGE, strlen (PAGE));
  write_file (".hidden.txt", PAGE, strlen (PAGE));
  write_file ("picture.jpg", png, sizeof png);   /* not a text name: not tried */

  write_file ("nul.txt", "text\0more", 9);
  g_ptr_array_add (expect, "nul.txt");
  write_file ("image.txt", png, sizeof png);
  g_ptr_array_add (expect, "image.txt");
  write_file ("junk.txt", junk, sizeof junk);
  g_ptr_array_add (expect, "junk.txt");
  write_file ("empty.txt", "", 0);
  g_ptr_array_add (expect, "empty.txt");

  /* sparse: over the limit without using the disk */
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) FZ_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);
  g_ptr_array_add (expect, "big.txt");

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_ptr_array_add (expect, "fifo.txt");

  g_assert_cmpint (symlink ("..", loop), ==, 0);
  g_ptr_array_add (expect, "loop");

  g_ptr_array_add (inputs, g_file_new_for_path (root));

  /* listed, then deleted before loading */
  write_file ("gone.txt", PAGE, strlen (PAGE));
  g_ptr_array_add (inputs, g_file_new_for_path (gone));
  g_assert_cmpint (g_unlink (gone), ==, 0);
  g_ptr_array_add (expect, "gone.txt");

  if (getuid () != 0)
    {
      g_autofree char *locked = path_in ("locked.txt");

      write_file ("locked.txt", PAGE, strlen (PAGE));
      g_assert_cmpint (g_chmod (locked, 0), ==, 0);
      g_ptr_array_add (expect, "locked.txt");
    }
  else
    {
      /* root reads anything: a path through a folder that is not there */
      g_autofree char *nowhere = g_build_filename (root, "no-such-folder", "page.txt", NULL);

      g_ptr_array_add (inputs, g_file_new_for_path (nowhere));
      g_ptr_array_add (expect, "no-such-folder");
    }
  return inputs;
}

static void
check_results (GPtrArray *documents,
               GPtrArray *errors,
               GPtrArray *expect)
{
  g_assert_nonnull (documents);
  g_assert_nonnull (errors);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *e = g_ptr_array_index (errors, i);

      g_assert_true (e->domain == FZ_ERROR);
      g_test_message ("error: %s", e->message);
    }

  /* the good files still load, hidden ones are skipped */
  g_assert_cmpuint (documents->len, ==, 3);
  for (guint i = 0; i < documents->len; i++)
    {
      FzDocument *doc = g_ptr_array_index (documents, i);

      g_assert_true (g_str_has_prefix (fz_document_get_name (doc), "good"));
      g_assert_cmpstr (fz_document_get_title (doc), ==, "平安建设工作会议召开");
      g_assert_cmpuint (fz_document_get_articles (doc)->len, ==, 1);
    }

  /* exactly one clear line per bad input, naming it */
  g_assert_cmpuint (errors->len, ==, expect->len);
  for (guint i = 0; i < expect->len; i++)
    {
      const char *needle = g_ptr_array_index (expect, i);
      guint hits = 0;

      for (guint j = 0; j < errors->len; j++)
        {
          const char *line = ((const GError *) g_ptr_array_index (errors, j))->message;

          g_assert_null (strchr (line, '\n'));
          if (strstr (line, needle) != NULL)
            hits++;
        }
      if (hits != 1)
        g_printerr ("%s named by %u error lines\n", needle, hits);
      g_assert_cmpuint (hits, ==, 1);
    }
}

static void
test_sync (void)
{
  g_autoptr(GPtrArray) expect = g_ptr_array_new ();
  g_autoptr(GPtrArray) inputs = make_tree (expect);
  g_autoptr(FzLoader) loader = fz_loader_new ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_loader_load_sync (loader, (GFile **) inputs->pdata, inputs->len, NULL,
                                      &documents, &errors, &error));
  g_assert_no_error (error);
  check_results (documents, errors, expect);
  /* the size error states the limit */
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *e = g_ptr_array_index (errors, i);

      if (strstr (e->message, "big.txt"))
        {
          g_assert_error (e, FZ_ERROR, FZ_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (e->message, "64 MiB"));
        }
    }
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *documents;
  GPtrArray *errors;
  GError    *error;
  guint      added;
  guint      last_done;
  guint      last_total;
  guint      n_progress;
  GThread   *main_thread;
  GPtrArray *announced;   /* every document of every batch, in the order announced */
} Wait;

static void
on_added (FzLoader  *loader,
          GPtrArray *batch,
          Wait      *w)
{
  (void) loader;
  g_assert_true (g_thread_self () == w->main_thread);
  /* Each batch comes in the order a file manager lists names in. */
  for (guint i = 1; i < batch->len; i++)
    {
      g_autofree char *a = g_file_get_parse_name (fz_document_get_file (batch->pdata[i - 1]));
      g_autofree char *b = g_file_get_parse_name (fz_document_get_file (batch->pdata[i]));
      g_autofree char *ka = g_utf8_collate_key_for_filename (a, -1);
      g_autofree char *kb = g_utf8_collate_key_for_filename (b, -1);

      g_assert_cmpint (strcmp (ka, kb), <=, 0);
    }
  w->added += batch->len;
  if (w->announced != NULL)
    for (guint i = 0; i < batch->len; i++)
      g_ptr_array_add (w->announced, g_object_ref (batch->pdata[i]));
}

static void
on_progress (FzLoader *loader,
             guint     done,
             guint     total,
             Wait     *w)
{
  (void) loader;
  g_assert_true (g_thread_self () == w->main_thread);
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, w->last_done);
  w->last_done = done;
  w->last_total = total;
  w->n_progress++;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Wait *w = data;

  fz_loader_load_finish (FZ_LOADER (source), result, &w->documents, &w->errors, &w->error);
  g_main_loop_quit (w->loop);
}

static void
test_async (void)
{
  g_autoptr(GPtrArray) expect = g_ptr_array_new ();
  g_autoptr(GPtrArray) inputs = make_tree (expect);
  g_autoptr(FzLoader) loader = fz_loader_new ();
  Wait w = { 0 };

  w.loop = g_main_loop_new (NULL, FALSE);
  w.main_thread = g_thread_self ();
  g_signal_connect (loader, "documents-added", G_CALLBACK (on_added), &w);
  g_signal_connect (loader, "progress", G_CALLBACK (on_progress), &w);
  fz_loader_load_async (loader, (GFile **) inputs->pdata, inputs->len, NULL, on_done, &w);
  g_main_loop_run (w.loop);

  g_assert_no_error (w.error);
  check_results (w.documents, w.errors, expect);
  /* every document was announced before the end, and progress reached the total */
  g_assert_cmpuint (w.added, ==, w.documents->len);
  g_assert_cmpuint (w.n_progress, >, 0);
  g_assert_cmpuint (w.last_done, ==, w.last_total);
  g_ptr_array_unref (w.documents);
  g_ptr_array_unref (w.errors);
  g_main_loop_unref (w.loop);
}

static void
test_cancel (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path (root);
  g_autoptr(FzLoader) loader = fz_loader_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Wait w = { 0 };

  w.loop = g_main_loop_new (NULL, FALSE);
  w.main_thread = g_thread_self ();
  g_cancellable_cancel (cancellable);
  fz_loader_load_async (loader, &dir, 1, cancellable, on_done, &w);
  g_main_loop_run (w.loop);
  g_assert_error (w.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (w.documents);
  g_clear_error (&w.error);
  g_main_loop_unref (w.loop);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0755);
      while (d && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fresh_root (void)
{
  if (root)
    {
      remove_tree (root);
      g_free (root);
    }
  root = g_dir_make_tmp ("fz-loader-XXXXXX", NULL);
  g_assert_nonnull (root);
}

static void
test_sync_fresh (void)
{
  fresh_root ();
  test_sync ();
}

static void
test_async_fresh (void)
{
  fresh_root ();
  test_async ();
}


#ifdef __linux__
static int
thread_nice (void)
{
  return getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
}

/* The least nice value a worker read a document at. */
static void
note_nice (FzDocument *document,
           gpointer    data)
{
  gint *least = data;
  gint nice = thread_nice ();
  gint old = g_atomic_int_get (least);

  (void) document;
  while (nice < old && !g_atomic_int_compare_and_exchange (least, old, nice))
    old = g_atomic_int_get (least);
}

/* The window's loads read on workers that give the processor to the thread it draws on: on two
 * cores, two readers at its own priority stretched its frames by half. */
static void
test_workers_give_way (void)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(FzLoader) loader = fz_loader_new ();
  gint main_nice = thread_nice ();
  gint least = G_MAXINT;
  Wait w = { 0 };

  if (main_nice >= FZ_WORKER_READ)
    {
      g_test_skip ("the test runs as nice as a worker would");
      return;
    }
  fresh_root ();
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%u.txt", i);

      write_file (name, PAGE, strlen (PAGE));
    }
  dir = g_file_new_for_path (root);
  w.loop = g_main_loop_new (NULL, FALSE);
  fz_loader_set_document_func (loader, note_nice, &least, NULL);
  fz_loader_load_async (loader, &dir, 1, NULL, on_done, &w);
  g_main_loop_run (w.loop);
  g_assert_no_error (w.error);
  g_assert_cmpuint (w.documents->len, ==, 8);
  g_assert_cmpint (least, >=, FZ_WORKER_READ);
  g_assert_cmpint (least, !=, G_MAXINT);
  /* The thread that asked is left as it was. */
  g_assert_cmpint (thread_nice (), ==, main_nice);
  g_ptr_array_unref (w.documents);
  g_ptr_array_unref (w.errors);
  g_main_loop_unref (w.loop);
}
#endif

/* Many files finishing in any order: the batches, one after the other, give the folder in
 * name order, the same as the result, every time. */
static void
test_order_across_batches (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fz-order-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(FzLoader) loader = fz_loader_new ();
  Wait w = { 0 };

  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      /* Sizes differ, so the workers finish out of order. */
      g_autofree char *text = g_strnfill (1 + (i * 7919) % 20000, 'x');
      g_autofree char *body = g_strdup_printf ("第%u页 破获案件%u起\n%s\n", i, i, text);

      g_assert_true (g_file_set_contents (path, body, -1, NULL));
    }
  w.loop = g_main_loop_new (NULL, FALSE);
  w.main_thread = g_thread_self ();
  w.announced = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (loader, "documents-added", G_CALLBACK (on_added), &w);
  fz_loader_load_async (loader, &folder, 1, NULL, on_done, &w);
  g_main_loop_run (w.loop);

  g_assert_no_error (w.error);
  g_assert_cmpuint (w.documents->len, ==, 300);
  g_assert_cmpuint (w.announced->len, ==, 300);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *want = g_strdup_printf ("page-%u.txt", i + 1);

      g_assert_true (w.announced->pdata[i] == w.documents->pdata[i]);
      g_assert_cmpstr (fz_document_get_name (w.documents->pdata[i]), ==, want);
    }
  g_ptr_array_unref (w.announced);
  g_ptr_array_unref (w.documents);
  g_ptr_array_unref (w.errors);
  g_main_loop_unref (w.loop);
  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/page-%u.txt", dir, i);

      g_unlink (name);
    }
  g_rmdir (dir);
}

static void
count_loaded (FzDocument *document,
              gpointer    data)
{
  g_atomic_int_inc ((gint *) data);
}

static void
on_batch (FzLoader  *loader,
          GPtrArray *documents,
          guint     *sizes)
{
  sizes[0]++;
  sizes[1] = MAX (sizes[1], documents->len);
  sizes[2] += documents->len;
}

/* However many documents are ready when the window gets to them (it was busy), each batch
 * holds a few hundred at most, so that taking one in never stalls the window. */
static void
test_batches_bounded (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fz-batches-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(FzLoader) loader = fz_loader_new ();
  const guint n = 1200;
  guint sizes[3] = { 0 };   /* batches, the largest, documents */
  gint loaded = 0;
  Wait w = { 0 };

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/page-%u.txt", dir, i);

      g_assert_true (g_file_set_contents (path, "破获案件3起\n", -1, NULL));
    }
  w.loop = g_main_loop_new (NULL, FALSE);
  fz_loader_set_document_func (loader, count_loaded, &loaded, NULL);
  g_signal_connect (loader, "documents-added", G_CALLBACK (on_batch), sizes);
  fz_loader_load_async (loader, &folder, 1, NULL, on_done, &w);
  /* The window is busy while every file is read. */
  while ((guint) g_atomic_int_get (&loaded) < n)
    g_usleep (1000);
  g_main_loop_run (w.loop);

  g_assert_no_error (w.error);
  g_assert_cmpuint (sizes[2], ==, n);
  g_assert_cmpuint (sizes[0], >=, 3);
  g_assert_cmpuint (sizes[1], <=, 500);
  g_ptr_array_unref (w.documents);
  g_ptr_array_unref (w.errors);
  g_main_loop_unref (w.loop);
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/page-%u.txt", dir, i);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Folders of a backend without inodes (GVfs, resources) are told apart, not taken for loops. */
static void
test_folders_without_inodes (void)
{
  g_autoptr(GFile) root = g_file_new_for_uri ("resource:///org/fanzha/tests/loader");
  g_autoptr(FzLoader) loader = fz_loader_new ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fz_loader_load_sync (loader, &root, 1, NULL, &documents, &errors, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("error: %s", ((GError *) errors->pdata[i])->message);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (documents->len, ==, 2);
  g_autofree char *first = g_file_get_uri (fz_document_get_file (documents->pdata[0]));

  g_assert_cmpstr (fz_document_get_name (documents->pdata[0]), ==, "page.txt");
  g_assert_true (g_str_has_suffix (first, "/a/page.txt"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/loader/sync", test_sync_fresh);
  g_test_add_func ("/loader/async", test_async_fresh);
  g_test_add_func ("/loader/cancel", test_cancel);
#ifdef __linux__
  g_test_add_func ("/loader/workers-give-way", test_workers_give_way);
#endif
  g_test_add_func ("/loader/order-across-batches", test_order_across_batches);
  g_test_add_func ("/loader/folders-without-inodes", test_folders_without_inodes);
  g_test_add_func ("/loader/batches-bounded", test_batches_bounded);
  ret = g_test_run ();
  if (root)
    remove_tree (root);
  g_free (root);
  return ret;
}
