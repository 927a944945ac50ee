package org.crossingwatch.console.view;

import java.time.Instant;
import java.util.Objects;

/**
 * One place an ad was seen: a channel ({@code platform:channel}) and when the console first learnt
 * of it there.
 */
public record Sighting(String channel, Instant seenAt) {
  public Sighting {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(seenAt, "seenAt");
  }
}
