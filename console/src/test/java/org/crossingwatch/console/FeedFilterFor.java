package org.crossingwatch.console;

import java.util.List;
import java.util.Map;
import org.crossingwatch.console.view.FeedFilter;

/** Shorthand filters for tests. */
final class FeedFilterFor {
  private FeedFilterFor() {}

  static FeedFilter channel(String channel) {
    return FeedFilter.fromQuery(Map.of("channel", List.of(channel)));
  }
}
