package org.crossingwatch.collectors.web;

import java.util.Objects;
import java.util.Optional;

/**
 * CSS selectors (jsoup syntax) for a listing page. All but {@code item} are evaluated inside each
 * item, except {@code next}, which is evaluated on the page.
 *
 * @param item one element per listed post (required)
 * @param text the post's text (default: the whole item)
 * @param author the author's name
 * @param time the publication time: the {@code datetime} attribute if present, else the text, in
 *     ISO-8601 ({@code 2026-03-01T10:00:00Z}, {@code 2026-03-01T10:00}, {@code 2026-03-01})
 * @param link the post's link ({@code href}), also its id when present
 * @param next the link to the next (older) listing page
 */
public record Selectors(
    String item,
    Optional<String> text,
    Optional<String> author,
    Optional<String> time,
    Optional<String> link,
    Optional<String> next) {
  public Selectors {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(next, "next");
  }
}
