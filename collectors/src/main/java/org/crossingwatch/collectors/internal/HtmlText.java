package org.crossingwatch.collectors.internal;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The text of an HTML fragment as a reader sees it: {@code <br>} becomes a line break, block
 * elements ({@code p}, {@code div}, {@code li}...) start new lines, paragraphs are separated by an
 * empty line, other white space collapses to one space as in a browser.
 */
public final class HtmlText {
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "ul",
          "ol",
          "blockquote",
          "pre",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "tr",
          "table",
          "section",
          "article",
          "header",
          "footer");

  private HtmlText() {}

  /** The text of {@code element}'s content, trimmed, with line breaks kept. */
  public static String of(Element element) {
    StringBuilder out = new StringBuilder();
    for (Node child : element.childNodes()) {
      append(child, out);
    }
    return tidy(out);
  }

  private static void append(Node node, StringBuilder out) {
    if (node instanceof TextNode text) {
      String t = text.getWholeText().replaceAll("\\s+", " ");
      if (t.startsWith(" ") && (out.length() == 0 || endsWithSpace(out))) {
        t = t.substring(1);
      }
      out.append(t);
    } else if (node instanceof Element e) {
      String tag = e.normalName();
      if (tag.equals("br")) {
        trimTrailingSpaces(out);
        out.append('\n');
        return;
      }
      if (tag.equals("script") || tag.equals("style")) {
        return;
      }
      boolean block = BLOCKS.contains(tag);
      if (block) {
        newLines(out, tag.equals("p") ? 2 : 1);
      }
      for (Node child : e.childNodes()) {
        append(child, out);
      }
      if (block) {
        newLines(out, tag.equals("p") ? 2 : 1);
      }
    }
  }

  private static boolean endsWithSpace(StringBuilder out) {
    char last = out.charAt(out.length() - 1);
    return last == ' ' || last == '\n';
  }

  private static void trimTrailingSpaces(StringBuilder out) {
    while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
      out.setLength(out.length() - 1);
    }
  }

  private static void newLines(StringBuilder out, int wanted) {
    trimTrailingSpaces(out);
    if (out.length() == 0) {
      return;
    }
    int have = 0;
    for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
      have++;
    }
    for (int i = have; i < wanted; i++) {
      out.append('\n');
    }
  }

  private static String tidy(StringBuilder out) {
    String s = out.toString().replaceAll(" *\n *", "\n");
    s = s.replaceAll("\n{3,}", "\n\n");
    return s.strip();
  }
}
