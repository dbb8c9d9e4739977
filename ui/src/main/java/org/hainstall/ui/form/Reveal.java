package org.hainstall.ui.form;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls a node's enclosing {@link ScrollPane} so that the node is in view (keyboard focus moves there too). */
public final class Reveal {
    private Reveal() {
    }

    public static void inScrollPane(Node node) {
        Node p = node.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (!(p instanceof ScrollPane scroll) || scroll.getContent() == null) {
            return;
        }
        Node content = scroll.getContent();
        Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewHeight = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewHeight) {
            return;
        }
        double top = scroll.getVvalue() * (contentHeight - viewHeight);
        if (b.getMinY() < top || b.getMaxY() > top + viewHeight) {
            double target = Math.max(0, b.getMinY() - viewHeight / 3);
            scroll.setVvalue(Math.min(1, target / (contentHeight - viewHeight)));
        }
    }
}
