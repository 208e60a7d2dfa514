package gilbook.app.gui;

import gilbook.exercises.manifest.Exercise;
import java.util.Optional;

/**
 * A message in the bar under the toolbar: a damaged progress file, an error, or an offer to go on.
 *
 * @param text what happened, for the learner
 * @param next the exercise its button opens, or empty when it has no button
 */
record Notice(String text, Optional<Exercise> next) {
  static Notice of(String text) {
    return new Notice(text, Optional.empty());
  }
}
