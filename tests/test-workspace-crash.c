/* test-workspace-crash.c: a child process marks figures and saves the workspace after each one;
 * the parent kills it with SIGKILL at random moments, 200 times, and checks that the workspace
 * always loads and holds every correction whose save had completed before the kill. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fz-workspace-file.h"

#define N_ROUNDS   200
#define N_TOKENS   4000
#define TOKEN_LEN  8      /* 案件NNNN起； */
#define N_CALIBRATION_SAVES 2
#define READY      G_MAXUINT32   /* reported once the child has loaded the workspace */
#define MAX_WINDOW_US 2000000

static char *
make_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < N_TOKENS; i++)
    g_string_append_printf (text, "案件%04u起；", i);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

static FzDocument *
make_document (void)
{
  g_autofree char *text = make_text ();

  return fz_document_new_from_data ("/crash/page.txt", (const guint8 *) text, strlen (text),
                                    NULL);
}

/* The figure the analyst marks as the @k-th correction: the number and 起 of token @k. */
static FzFigureId
token_id (guint k)
{
  return FZ_FIGURE_ID (k * TOKEN_LEN + 2, k * TOKEN_LEN + 7);
}

/* The child: each correction is saved, then reported (4 bytes) on @fd. Never returns. */
static void G_GNUC_NORETURN
child_main (const char *path,
            int         fd)
{
  g_autoptr(FzDocument) document = make_document ();
  g_autoptr(FzWorkspaceState) state = NULL;
  g_autoptr(GError) error = NULL;
  guint k;

  state = g_file_test (path, G_FILE_TEST_EXISTS) ? fz_workspace_file_load (path, &error)
                                                 : fz_workspace_state_new ();
  if (state == NULL)
    _exit (3);
  k = READY;
  if (write (fd, &k, sizeof k) != sizeof k)
    _exit (6);
  for (k = fz_decisions_get_n_decisions (state->decisions); k < N_TOKENS; k++)
    {
      FzFigureList *added = fz_decisions_add_figure (state->decisions, document,
                                                     FZ_FIGURE_ID_START (token_id (k)),
                                                     FZ_FIGURE_ID_END (token_id (k)), NULL,
                                                     &error);
      guint32 done = k;

      if (added == NULL)
        _exit (4);
      fz_figure_list_unref (added);
      if (!fz_workspace_file_save (state, path, &error))
        _exit (5);
      if (write (fd, &done, sizeof done) != sizeof done)
        _exit (6);
    }
  _exit (0);
}

/* Reads every completed save the child reported before it died; returns how many. */
static guint
read_reports (int         fd,
              GHashTable *completed)
{
  guint32 k;
  ssize_t n;
  guint n_saves = 0;

  while ((n = read (fd, &k, sizeof k)) == sizeof k)
    if (k != READY)
      {
        g_hash_table_add (completed, GUINT_TO_POINTER (k + 1));
        n_saves++;
      }
  g_assert_cmpint (n, ==, 0);
  return n_saves;
}

/* Blocks until the child has loaded the workspace and is about to save. */
static void
wait_ready (int fd)
{
  guint32 k = 0;

  g_assert_cmpint (read (fd, &k, sizeof k), ==, sizeof k);
  g_assert_cmpuint (k, ==, READY);
}

static void
check_holds (const char *path,
             FzDocument *document,
             GHashTable *completed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FzWorkspaceState) state = fz_workspace_file_load (path, &error);
  g_autoptr(GArray) status = NULL;
  g_autoptr(FzFigureList) figures = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key;

  g_assert_no_error (error);
  figures = fz_decisions_apply (state->decisions, document, &status);
  for (guint i = 0; i < status->len; i++)
    if (g_array_index (status, FzFigureStatus, i).flags & FZ_FIGURE_STATUS_ADDED)
      g_hash_table_add (present, &g_array_index (status, FzFigureStatus, i).id);
  g_hash_table_iter_init (&iter, completed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      FzFigureId id = token_id (GPOINTER_TO_UINT (key) - 1);

      if (!g_hash_table_contains (present, &id))
        g_error ("correction %u was saved but is not in the workspace",
                 GPOINTER_TO_UINT (key) - 1);
    }
}

static pid_t
start_child (const char *path,
             int        *read_fd)
{
  int fds[2];
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      child_main (path, fds[1]);
    }
  close (fds[1]);
  *read_fd = fds[0];
  return pid;
}

/* Kills the child, checks it died of that (or had finished), and collects its reports;
 * returns how many saves it completed. */
static guint
stop_child (pid_t       pid,
            int         fd,
            GHashTable *completed)
{
  int status = 0;
  guint n_saves;

  kill (pid, SIGKILL);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_assert_true ((WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL) ||
                 (WIFEXITED (status) && WEXITSTATUS (status) == 0));
  n_saves = read_reports (fd, completed);
  close (fd);
  return n_saves;
}

/* How long a child takes to complete two saves on this machine and build (a sanitizer build
 * is several times slower), timed from its ready report: the kills are spread over a little
 * more than that. */
static guint
calibrate (const char *path,
           GHashTable *completed)
{
  int fd;
  pid_t pid = start_child (path, &fd);
  guint32 k;
  gint64 start, elapsed;

  wait_ready (fd);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_CALIBRATION_SAVES; i++)
    {
      g_assert_cmpint (read (fd, &k, sizeof k), ==, sizeof k);
      g_hash_table_add (completed, GUINT_TO_POINTER (k + 1));
    }
  elapsed = g_get_monotonic_time () - start;
  stop_child (pid, fd, completed);
  return (guint) MAX (elapsed * 5 / 4, 20000);
}

/* One kill at a random moment after the child is ready; returns how many saves it completed. */
static guint
run_round (const char *path,
           GRand      *rand,
           guint       window_us,
           FzDocument *document,
           GHashTable *completed)
{
  g_autofree char *backup = fz_workspace_file_backup_path (path);
  int fd;
  pid_t pid = start_child (path, &fd);
  guint n_saves;

  wait_ready (fd);
  g_usleep (g_rand_int_range (rand, 0, window_us));
  n_saves = stop_child (pid, fd, completed);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    check_holds (path, document, completed);
  else
    g_assert_cmpuint (g_hash_table_size (completed), ==, 0);
  if (g_file_test (backup, G_FILE_TEST_EXISTS))
    {
      g_autoptr(FzWorkspaceState) previous = fz_workspace_file_load (backup, NULL);

      g_assert_nonnull (previous);
    }
  return n_saves;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

static void
test_sigkill (void)
{
  const char *env_seed = g_getenv ("FZ_CRASH_SEED");
  guint32 seed = env_seed != NULL ? (guint32) g_ascii_strtoull (env_seed, NULL, 10) : 20261206;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *dir = g_dir_make_tmp ("fanzha-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.xml", NULL);
  g_autoptr(FzDocument) document = make_document ();
  g_autoptr(GHashTable) completed = g_hash_table_new (NULL, NULL);
  /* Under valgrind (FZ_SLOW_RUN) every child is tens of times slower: fewer rounds. */
  guint n_rounds = g_getenv ("FZ_SLOW_RUN") != NULL ? N_ROUNDS / 10 : N_ROUNDS;
  guint window_us;

  g_test_message ("seed %u (set FZ_CRASH_SEED to repeat another)", seed);
  g_assert_nonnull (dir);
  window_us = calibrate (path, completed);
  g_test_message ("kills spread over %.0f ms after each child is ready", window_us / 1000.0);
  for (guint round = 0, quiet = 0; round < n_rounds; round++)
    {
      /* Saves slow down as the workspace grows and as other tests take the cores: after
       * several kills in a row that came before any save had completed, the window widens. */
      quiet = run_round (path, rand, window_us, document, completed) > 0 ? 0 : quiet + 1;
      if (quiet == 6 && window_us < MAX_WINDOW_US)
        {
          window_us = MIN (window_us * 3 / 2, MAX_WINDOW_US);
          quiet = 0;
        }
    }
  g_test_message ("%u rounds, %u corrections saved before the kills; window at the end %.0f ms",
                  n_rounds, g_hash_table_size (completed), window_us / 1000.0);
  /* The children must have been saving when killed, not still starting. */
  g_assert_cmpuint (g_hash_table_size (completed), >, N_CALIBRATION_SAVES + n_rounds / 10);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workspace-crash/sigkill", test_sigkill);
  return g_test_run ();
}
