/* fz-decisions-undo.c: undo and redo of decisions, each step a list of slot changes (before and
 * after), grouped so that one analyst's action is one step. */
/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "fz-decisions-private.h"

typedef struct
{
  char       *path;
  guint8      target;   /* FzDecisionTarget */
  FzFigureId  key;
  FzDecision *before;   /* NULL: the slot was empty */
  FzDecision *after;
} Change;

struct _FzUndoStack
{
  GPtrArray *undo;    /* GPtrArray of Change, oldest first */
  GPtrArray *redo;    /* most recently undone last */
  GPtrArray *open;    /* the step being grouped, or NULL */
  guint      depth;
};

static void
change_free (Change *change)
{
  g_free (change->path);
  g_clear_pointer (&change->before, _fz_decision_free);
  g_clear_pointer (&change->after, _fz_decision_free);
  g_free (change);
}

static GPtrArray *
step_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

FzUndoStack *
_fz_undo_stack_new (void)
{
  FzUndoStack *stack = g_new0 (FzUndoStack, 1);

  stack->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  stack->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return stack;
}

void
_fz_undo_stack_free (FzUndoStack *stack)
{
  g_ptr_array_unref (stack->undo);
  g_ptr_array_unref (stack->redo);
  g_clear_pointer (&stack->open, g_ptr_array_unref);
  g_free (stack);
}

void
_fz_undo_stack_clear (FzUndoStack *stack)
{
  g_ptr_array_set_size (stack->undo, 0);
  g_ptr_array_set_size (stack->redo, 0);
  if (stack->open != NULL)
    g_ptr_array_set_size (stack->open, 0);
}

void
_fz_undo_stack_begin (FzUndoStack *stack)
{
  if (stack->depth++ == 0)
    stack->open = step_new ();
}

void
_fz_undo_stack_end (FzUndoStack *stack)
{
  g_autoptr(GPtrArray) step = NULL;

  g_return_if_fail (stack->depth > 0);
  if (--stack->depth > 0)
    return;
  step = g_steal_pointer (&stack->open);
  if (step->len > 0)
    g_ptr_array_add (stack->undo, g_steal_pointer (&step));
}

void
_fz_undo_stack_record (FzUndoStack      *stack,
                       const char       *path,
                       FzDecisionTarget  target,
                       FzFigureId        key,
                       const FzDecision *before,
                       const FzDecision *after)
{
  Change *change = g_new0 (Change, 1);

  change->path = g_strdup (path);
  change->target = target;
  change->key = key;
  change->before = before != NULL ? _fz_decision_copy (before) : NULL;
  change->after = after != NULL ? _fz_decision_copy (after) : NULL;
  g_ptr_array_set_size (stack->redo, 0);
  if (stack->open != NULL)
    g_ptr_array_add (stack->open, change);
  else
    {
      GPtrArray *step = step_new ();

      g_ptr_array_add (step, change);
      g_ptr_array_add (stack->undo, step);
    }
}

gboolean
_fz_undo_stack_can_undo (FzUndoStack *stack)
{
  return stack->undo->len > 0 && stack->depth == 0;
}

gboolean
_fz_undo_stack_can_redo (FzUndoStack *stack)
{
  return stack->redo->len > 0 && stack->depth == 0;
}

static void
put_back (FzDecisions      *decisions,
          const Change     *change,
          const FzDecision *content)
{
  FzDecision *old = _fz_decisions_swap (decisions, change->path, change->target, change->key,
                                        content != NULL ? _fz_decision_copy (content) : NULL);

  g_clear_pointer (&old, _fz_decision_free);
  _fz_decisions_mark_changed (decisions, change->path);
}

/* Moves the last step of @from to @to, putting each change's @before (undo) or after (redo). */
static gboolean
replay (GPtrArray   *from,
        GPtrArray   *to,
        FzDecisions *decisions,
        gboolean     backwards)
{
  GPtrArray *step;

  if (from->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (from, from->len - 1);
  for (guint i = 0; i < step->len; i++)
    {
      const Change *change = g_ptr_array_index (step, backwards ? step->len - 1 - i : i);

      put_back (decisions, change, backwards ? change->before : change->after);
    }
  g_ptr_array_add (to, step);
  return TRUE;
}

gboolean
_fz_undo_stack_undo (FzUndoStack *stack,
                     FzDecisions *decisions)
{
  g_return_val_if_fail (stack->depth == 0, FALSE);
  return replay (stack->undo, stack->redo, decisions, TRUE);
}

gboolean
_fz_undo_stack_redo (FzUndoStack *stack,
                     FzDecisions *decisions)
{
  g_return_val_if_fail (stack->depth == 0, FALSE);
  return replay (stack->redo, stack->undo, decisions, FALSE);
}
