package gilbook.app.gui;

import gilbook.exercises.manifest.Exercise;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bar under the toolbar that shows the model's {@link Notice}, with a button to the next
 * exercise when it offers one and a button to close it; hidden while there is none. FX thread only.
 */
final class NoticeBar extends HBox {
  NoticeBar(ReadOnlyObjectProperty<Notice> notice, Runnable dismiss, Consumer<Exercise> goTo) {
    super(8);
    getStyleClass().add("notice-bar");
    setPadding(new Insets(6, 10, 6, 10));
    notice.addListener((obs, old, now) -> show(now, dismiss, goTo));
    show(notice.get(), dismiss, goTo);
  }

  private void show(Notice n, Runnable dismiss, Consumer<Exercise> goTo) {
    setVisible(n != null);
    setManaged(n != null);
    if (n == null) {
      getChildren().clear();
      return;
    }
    Label label = new Label(n.text());
    label.setWrapText(true);
    Button close = new Button("✕");
    close.setOnAction(e -> dismiss.run());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    getChildren().setAll(label, grow);
    n.next()
        .ifPresent(
            next -> {
              Button act = new Button("Next exercise →");
              act.setId("notice-action");
              act.setOnAction(
                  e -> {
                    dismiss.run();
                    goTo.accept(next);
                  });
              getChildren().add(act);
            });
    getChildren().add(close);
  }
}
